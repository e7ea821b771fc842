package dev.ssokit.client.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reads the token JSON the flow ended on, with the same field rules as the reference client. */
final class ChromiumTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    ChromiumTokens(Clock clock) {
        this.clock = clock;
    }

    Outcome<TokenSet> read(int status, String body, TokenSet previous) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return Outcome.failed("The token response is not valid JSON (HTTP " + status + ")");
        }
        if (json == null || !json.isObject()) {
            return Outcome.failed("The token response is not a JSON object (HTTP " + status + ")");
        }
        if (status != 200 && status != 0 || json.has("error")) {
            return Outcome.failed("Finesse refused the token request: HTTP " + status + " "
                    + json.path("error").asText("") + ": " + json.path("error_description").asText(""));
        }
        List<String> present = new ArrayList<>();
        json.fieldNames().forEachRemaining(present::add);
        for (String field : List.of("token", "expires_in", "user_id")) {
            if (!json.hasNonNull(field) || json.get(field).asText().isBlank()) {
                return Outcome.failed("The token response lacks \"" + field + "\": fields present " + present);
            }
        }
        long expiresIn = json.path("expires_in").asLong(0);
        if (expiresIn <= 0) {
            return Outcome.failed("The token response has no positive expires_in: fields present " + present);
        }
        Secret refresh = json.hasNonNull("refresh_token") ? Secret.of(json.get("refresh_token").asText())
                : previous != null && previous.hasRefreshToken() ? previous.refreshToken() : null;
        return Outcome.ok(new TokenSet(Secret.of(json.path("token").asText()), refresh, expiresIn,
                json.path("user_id").asText(), json.path("realm").asText(""), json.path("user_principal").asText(""),
                clock.instant()));
    }
}
