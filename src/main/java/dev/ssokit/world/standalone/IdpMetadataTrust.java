package dev.ssokit.world.standalone;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ssokit.world.saml.IdpTrust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * IdS in standalone WireMock trusts the IdP's signing certificate from the IdP's metadata, read over HTTPS before
 * each SAML response it takes (an IdP restarted with a new key is picked up). An unreachable IdP is a clear 502.
 */
final class IdpMetadataTrust implements StubRequestFilterV2 {
    static final String METADATA_PATH = "/FederationMetadata/2007-06/FederationMetadata.xml";
    private static final Pattern CERTIFICATE = Pattern.compile("<(?:ds:)?X509Certificate>([^<]+)</");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final IdpTrust trust;
    private final URI metadata;
    private final URI ssoUrl;
    private final HttpClient http;

    IdpMetadataTrust(IdpTrust trust, URI idp, URI ssoUrl, SSLContext tls) {
        this.trust = trust;
        this.metadata = idp.resolve(METADATA_PATH);
        this.ssoUrl = ssoUrl;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(DEADLINE).build();
    }

    @Override
    public String getName() {
        return "ids-idp-metadata";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!request.getUrl().startsWith("/ids/saml/response")) {
            return RequestFilterAction.continueWith(request);
        }
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(metadata).timeout(DEADLINE)
                    .header("User-Agent", StandaloneJournal.BACKCHANNEL_AGENT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher certificate = CERTIFICATE.matcher(reply.body());
            if (reply.statusCode() != 200 || !certificate.find()) {
                return refuse("the IdP metadata at " + metadata + " answered HTTP " + reply.statusCode()
                        + " without a signing certificate");
            }
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(certificate.group(1))));
            trust.useExternal("the IdP of " + metadata, ssoUrl, parsed);
            return RequestFilterAction.continueWith(request);
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            return refuse("the IdP metadata at " + metadata + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse("interrupted while reading the IdP metadata at " + metadata);
        }
    }

    private static RequestFilterAction refuse(String why) {
        return RequestFilterAction.stopWith(ResponseDefinitionBuilder.responseDefinition().withStatus(502)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withBody("<!DOCTYPE html><html><head><title>IdS cannot trust the IdP</title></head><body><h1>"
                        + "IdS cannot trust the IdP</h1><p>" + why.replace("<", "&lt;") + "</p></body></html>").build());
    }
}
