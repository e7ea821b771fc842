package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.Hop;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reference client's token lifecycle over several refresh cycles: which token a call, a refresh and the timer
 * use. The reference answers are the obvious ones (the current token, its own obtained-at time); broken twins
 * answer as real clients got it wrong: a timer counting from the first token, a one-shot timer, a refresh at the
 * expiry boundary, the first access token kept after a refresh, a sign-in again without return_refresh_token,
 * the wrong id looked up, the last authcode URL reopened.
 */
final class TokenLifecycle {
    private final ClientSettings settings;
    private TokenSet first;
    private int refreshes;
    private boolean reauthenticating;

    TokenLifecycle(ClientSettings settings) {
        this.settings = settings;
    }

    void adopted(TokenSet token) {
        if (first == null) {
            first = token;
        }
        reauthenticating = false;
    }

    void refreshed() {
        refreshes++;
    }

    void reauthenticating() {
        reauthenticating = true;
    }

    /** Whether the refresh timer fires now; {@code dueSeconds} is the reference's due time (75 % of expires_in). */
    boolean due(TokenSet token, Instant now, long dueSeconds) {
        if (settings.has(Defect.ONE_SHOT_REFRESH_TIMER) && refreshes > 0) {
            return false;
        }
        Instant base = settings.has(Defect.REFRESH_TIMER_NOT_RESET) && first != null ? first.obtainedAt()
                : token.obtainedAt();
        long due = settings.has(Defect.REFRESH_AT_EXPIRY_BOUNDARY) ? token.expiresInSeconds() : dueSeconds;
        return Duration.between(base, now).toSeconds() >= due;
    }

    Secret bearer(TokenSet current) {
        return settings.has(Defect.USES_OLD_TOKEN_AFTER_REFRESH) && first != null ? first.accessToken()
                : current.accessToken();
    }

    Secret postedAccessToken(TokenSet current) {
        return settings.has(Defect.REFRESH_POSTS_FIRST_ACCESS_TOKEN) && first != null ? first.accessToken()
                : current.accessToken();
    }


    /** The query parameter that asks Finesse for a refresh token too ("" when a twin forgets it). */
    String refreshTokenRequest() {
        return settings.has(Defect.REAUTH_WITHOUT_REFRESH_TOKEN) && reauthenticating ? "" : "return_refresh_token=true";
    }

    String lookupId(TokenSet token) {
        return settings.has(Defect.LOOKS_UP_PRINCIPAL) && !token.userPrincipal().isBlank() ? token.userPrincipal()
                : token.userId();
    }

    /** A lookup path segment: the reference encodes a space as %20; a twin as '+'. */
    String lookupSegment(String value, String reference) {
        return settings.has(Defect.PLUS_FOR_SPACE_IN_PATH) ? URLEncoder.encode(value, StandardCharsets.UTF_8) : reference;
    }

    /** The authcode URL a twin reopens when it signs in again (the reference never does). */
    Optional<String> authcodeToReopen(List<Hop> hops) {
        if (!settings.has(Defect.REUSES_AUTHCODE_ON_RELOGIN)) {
            return Optional.empty();
        }
        return hops.stream().map(Hop::url).filter(u -> u.contains("/desktop/sso/authcode")).reduce((a, b) -> b);
    }
}
