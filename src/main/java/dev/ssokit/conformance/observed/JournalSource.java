package dev.ssokit.conformance.observed;

import dev.ssokit.world.JournalJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a session's raw journal from serve's control API. Raw, because checks compare values (a rotated
 * refresh token, a cookie value, an encoded cc_username); it crosses loopback only, behind the bearer token, is
 * held in memory and never written: what verify writes is redacted.
 */
public final class JournalSource {
    private JournalSource() {
    }

    public static JournalJson.Document fetch(String controlUrl, String token, String session) {
        URI base = URI.create(controlUrl.replaceAll("/+$", ""));
        requireLoopback(base);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/sessions/" + session + "/journal?raw=true"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach serve's control API at " + base + " (" + e + "): is ./kit serve "
                    + "running? Its start lines print the control URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the journal", e);
        }
        if (response.statusCode() == 401) {
            throw new IllegalArgumentException("The control API refused the token: pass the one serve printed "
                    + "(--token, or --world with serve's world.json)");
        }
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("The control API answered " + response.statusCode() + ": " + response.body());
        }
        return JournalJson.parse(response.body());
    }

    static void requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("The control URL " + base + " is not on loopback: the raw journal "
                        + "never leaves the machine; run verify where serve runs");
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Unknown control host in " + base, e);
        }
    }
}
