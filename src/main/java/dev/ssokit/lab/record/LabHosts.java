package dev.ssokit.lab.record;

import dev.ssokit.world.StubSystem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's host names and the system each belongs to. Finesse and IdS come from the target; the IdP is found the
 * way a browser finds it: the token request's redirects, Finesse to IdS to the first host that is neither
 * (directly, verified against the lab trust, before the recorder starts: its CA must name every host).
 */
public final class LabHosts {
    private LabHosts() {
    }

    public static Map<String, StubSystem> discover(LabSide side, Duration timeout) {
        Map<String, StubSystem> hosts = new LinkedHashMap<>();
        hosts.put(host(side.finesse()), StubSystem.FINESSE);
        hosts.putIfAbsent(host(side.ids()), StubSystem.IDS);
        idpUri(side, timeout).ifPresent(idp -> hosts.putIfAbsent(host(idp), StubSystem.IDP));
        return hosts;
    }

    static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static Optional<URI> idpUri(LabSide side, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(side.tls())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        URI next = side.finesse().resolve("/desktop/sso/token?cc_username="
                + URLEncoder.encode(side.loginName(), StandardCharsets.UTF_8) + "&return_refresh_token=true");
        try {
            for (int hop = 0; hop < 6; hop++) {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(next).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                Optional<String> location = answer.headers().firstValue("location");
                if (answer.statusCode() / 100 != 3 || location.isEmpty()) {
                    return Optional.empty();
                }
                next = next.resolve(location.get());
                String host = host(next);
                if (!host.equals(host(side.finesse())) && !host.equals(host(side.ids()))) {
                    return Optional.of(next);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not follow " + side.name() + "'s token request to its IdP ("
                    + e.getMessage() + "). Fix: run ./kit preflight --target on the target first", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
