package dev.ssokit.client.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssokit.client.Hop;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the adapter's answers said the client holds: its token, its loginId, its cookie jar (names and attributes)
 * and its own hop record. A field an answer leaves out is unchanged; {@code "token": null} says the client holds none.
 */
final class AdapterState {
    private TokenSet token;
    private String loginId;
    private List<String> cookieJar = List.of();
    private final List<Hop> hops = new ArrayList<>();

    void absorb(JsonNode answer) {
        if (answer.has("token")) {
            token = parseToken(answer.get("token"));
        }
        if (answer.hasNonNull("loginId")) {
            loginId = answer.get("loginId").asText();
        }
        if (answer.path("cookieJar").isArray()) {
            List<String> jar = new ArrayList<>();
            answer.get("cookieJar").forEach(line -> jar.add(line.asText()));
            cookieJar = List.copyOf(jar);
        }
        answer.path("hops").forEach(hop -> hops.add(new Hop(hop.path("method").asText(""), hop.path("url").asText(""),
                hop.path("status").asInt(0), hop.path("location").asText(null), List.of())));
    }

    private static TokenSet parseToken(JsonNode json) {
        if (json == null || json.isNull() || !json.isObject()) {
            return null;
        }
        String access = json.path("accessToken").asText("");
        String refresh = json.path("refreshToken").asText("");
        long obtained = json.path("obtainedAt").asLong(0);
        return new TokenSet(Secret.of(access), refresh.isEmpty() ? null : Secret.of(refresh),
                json.path("expiresIn").asLong(0), json.path("userId").asText(""), json.path("realm").asText(""),
                json.path("userPrincipal").asText(""), Instant.ofEpochSecond(obtained));
    }

    Optional<TokenSet> token() {
        return Optional.ofNullable(token);
    }

    Optional<String> loginId() {
        return Optional.ofNullable(loginId);
    }

    List<String> cookieJar() {
        return cookieJar;
    }

    List<Hop> hops() {
        return List.copyOf(hops);
    }
}
