package dev.ssokit.conformance.runtarget;

import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** The lab's SystemInfo, read once before the first scenario: what "Given a UCCE system in SSO mode" is held to. */
record LabSystem(DeploymentType deployment, AuthMode mode) {
    static LabSystem read(URI finesse, SSLContext trust, Duration timeout) {
        URI uri = finesse.resolve("/finesse/api/SystemInfo");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        try {
            String body = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new LabSystem(DeploymentType.parse(element(body, "deploymentType", uri)),
                    AuthMode.parse(element(body, "systemAuthMode", uri)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("GET " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + uri, e);
        }
    }

    private static String element(String xml, String name, URI uri) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("no <" + name + "> in the SystemInfo " + uri + " answered");
        }
        return m.group(1);
    }
}
