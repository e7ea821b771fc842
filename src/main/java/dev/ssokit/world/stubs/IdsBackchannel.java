package dev.ssokit.world.stubs;

import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService.Claims;
import java.util.Optional;

/**
 * Finesse's server-to-server link to IdS: redeem an authorization code, validate a token, refresh. In the
 * embedded world the three stubs share one JVM and this is a call ({@link SharedMemoryIds}); in standalone WireMock
 * it is HTTPS to IdS's token and public-key endpoints, as between the real servers.
 */
public interface IdsBackchannel {
    /** The token pair for a code issued to this redirect_uri, once; empty when IdS refuses it. */
    Optional<TokenGrant> redeem(String code, String redirectUri);

    /** The claims of a token IdS signed (any usage, expired or not); empty when it is not one. */
    Optional<Claims> read(String token);

    /** A new pair, or IdS's reason for refusing. */
    Refreshed refresh(String refreshToken, Optional<String> accessToken);

    /** The answer of a refresh: a grant, or the reason (grant null). */
    record Refreshed(TokenGrant grant, String error) {
        public static Refreshed granted(TokenGrant grant) {
            return new Refreshed(grant, null);
        }

        public static Refreshed refused(String error) {
            return new Refreshed(null, error);
        }
    }
}
