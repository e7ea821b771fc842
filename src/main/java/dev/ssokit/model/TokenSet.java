package dev.ssokit.model;

import java.time.Instant;

/** The token JSON of /desktop/sso/token as the client understood it, plus when it obtained it. */
public record TokenSet(Secret accessToken, Secret refreshToken, long expiresInSeconds, String userId,
                       String realm, String userPrincipal, Instant obtainedAt) {
    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    public Instant expiresAt() {
        return obtainedAt.plusSeconds(expiresInSeconds);
    }
}
