package dev.ssokit.lab.record;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.ReferenceClient;
import dev.ssokit.client.idp.IdpPresets;
import dev.ssokit.lab.RecordingProxy;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One full SSO flow with the reference client (SystemInfo, UserAuthMode, the token request with cc_username through
 * Finesse, IdS and the IdP, the IdP login, the User lookup, the sign-in to the extension, an API call), then a refresh and the contract probes'
 * requests, all through the {@link RecordingProxy}: what the recorder journaled is the capture.
 */
public final class FlowCapture {
    /** Not a registered client id: IdS must refuse it (the contract probe's request). */
    static final String UNKNOWN_CLIENT_ID = "0000000000000000000000000000000000000000";

    /** What crossed the recorder, what it could not complete, and what the client reported per step. */
    public record Capture(LabSide side, Map<String, StubSystem> hosts, List<Exchange> exchanges,
                          List<String> failures, List<String> steps) {
        /** The literal secret the flow used (tokens, codes, SAML and cookies are found on the wire). */
        public List<String> knownSecrets() {
            return List.of(side.password().reveal());
        }
    }

    private FlowCapture() {
    }

    public static Capture capture(LabSide side, Path kitStubs, Duration timeout) {
        Map<String, StubSystem> hosts = LabHosts.discover(side, timeout);
        List<String> steps = new ArrayList<>();
        try (RecordingProxy proxy = RecordingProxy.start(side.trust(), hosts)) {
            ClientSettings settings = new ClientSettings(side.finesse(), proxy.clientContext(), side.clock(),
                    IdpLoginForm.adfs().withPresets(IdpPresets.load(kitStubs.resolve("idp/presets"))),
                    Duration.ofSeconds(10), Set.of()).withProxy(proxy.address())
                    .withTrustStore("the recorder's CA (made for this run)");
            TokenSet token = null;
            try (ClientUnderTest client = ReferenceClient.create(settings)) {
                steps.add(step("SystemInfo", client.readSystemAuthMode()));
                steps.add(step("UserAuthMode", client.readUserAuthMode(side.loginName())));
                Outcome<TokenSet> granted = client.acquireToken(new Credentials(side.loginName(), side.password(), side.idpLoginName()),
                        UsernameCarrier.QUERY);
                steps.add(step("token", granted));
                if (granted.succeeded()) {
                    token = client.currentToken().orElse(null);
                    steps.add(step("User lookup", client.resolveLoginId()));
                    steps.add(step("sign-in to the extension", client.signInToExtension(side.extension())));
                    steps.add(step("API call", client.readOwnUser()));
                }
            }
            probes(side, proxy, token, timeout, steps);
            return new Capture(side, hosts, proxy.exchanges(), proxy.failures(), steps);
        }
    }

    private static String step(String name, Outcome<?> outcome) {
        return name + ": " + (outcome.succeeded() ? "ok" : "failed");
    }

    /** The contract probes' requests (FinesseContract's, minus its judgements), and a refresh of the flow's token. */
    private static void probes(LabSide side, RecordingProxy proxy, TokenSet token, Duration timeout,
                               List<String> steps) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(proxy.address())).sslContext(proxy.clientContext())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        String user = URLEncoder.encode(side.loginName(), StandardCharsets.UTF_8).replace("+", "%20");
        URI finesse = side.finesse();
        if (token != null && token.hasRefreshToken()) {
            String form = "token=" + URLEncoder.encode(token.accessToken().reveal(), StandardCharsets.UTF_8)
                    + "&refresh-token=" + URLEncoder.encode(token.refreshToken().reveal(), StandardCharsets.UTF_8);
            steps.add("refresh: " + send(http, HttpRequest.newBuilder(finesse.resolve("/desktop/sso/token?cc_username="
                    + user)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), timeout));
        }
        get(http, finesse.resolve("/finesse/api/SystemInfo"), timeout, steps);
        get(http, finesse.resolve("/finesse/api/UserAuthMode/" + user), timeout, steps);
        get(http, finesse.resolve("/finesse/api/User/" + user), timeout, steps);
        get(http, finesse.resolve("/finesse/api/NoSuchObject"), timeout, steps);
        get(http, finesse.resolve("/desktop/sso/token?cc_username=" + user + "&return_refresh_token=true"), timeout,
                steps);
        get(http, side.ids().resolve("/ids/v1/oauth/authorize?client_id=" + UNKNOWN_CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(finesse + "/desktop/sso/authcode", StandardCharsets.UTF_8)
                + "&state=eA%3D%3D&response_type=code"), timeout, steps);
    }

    private static void get(HttpClient http, URI uri, Duration timeout, List<String> steps) {
        steps.add("probe " + uri.getRawPath() + ": " + send(http, HttpRequest.newBuilder(uri).GET(), timeout));
    }

    private static String send(HttpClient http, HttpRequest.Builder request, Duration timeout) {
        try {
            return "HTTP " + http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
