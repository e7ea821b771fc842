package dev.ssokit.world.stubs;

import dev.ssokit.world.SsoState;
import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService;
import dev.ssokit.world.TokenService.Claims;
import java.util.Optional;

/**
 * IdS's grants (finesse-sso-protocol.md §2.4, §2.6, §2.10): a code redeemed once for a token pair, and a refresh
 * under IdS's rules. Embedded, Finesse's stub calls this in-process ({@link SharedMemoryIds}); in standalone
 * WireMock, IdS's own token endpoint ({@link IdsToken}) does, and Finesse reaches it over HTTPS.
 */
final class TokenGrants {
    private TokenGrants() {
    }

    static TokenGrant issue(StubContext context, TokenService.Identity identity) {
        context.tokens.signWithSharedSecret(context.settings.sharedSecretTokens());
        TokenService.IssuedPair pair = context.tokens.issue(identity, context.settings.accessTokenLifetime(),
                context.settings.refreshTokenLifetime());
        context.state.refreshTokens.put(pair.refreshTokenId(), new SsoState.RefreshEntry(identity, true));
        return new TokenGrant(identity, pair.accessToken(), pair.refreshToken(),
                context.settings.accessTokenLifetime().toSeconds());
    }

    /** Takes the code once (same redirect_uri, within its lifetime) and issues the pair. */
    static Optional<TokenGrant> redeem(StubContext context, String code, String redirectUri) {
        return context.state.redeemCode(code, redirectUri, context.clock.instant(), context.settings.authCodeLifetime())
                .map(grant -> issue(context, grant.identity()));
    }

    /** A new pair for a valid, active refresh token (and, when given, a valid access token of the same user). */
    static IdsBackchannel.Refreshed refresh(StubContext context, String refreshToken, Optional<String> accessToken) {
        Optional<Claims> refresh = context.tokens.read(refreshToken).filter(c -> "refresh".equals(c.usage()));
        if (refresh.isEmpty()) {
            return IdsBackchannel.Refreshed.refused("refresh-token is not a refresh token this IdS issued");
        }
        SsoState.RefreshEntry entry = context.state.refreshTokens.get(refresh.get().tokenId());
        if (entry == null || !entry.active()) {
            return IdsBackchannel.Refreshed.refused("refresh-token was revoked: it was used before");
        }
        if (refresh.get().expiredAt(context.clock.instant())) {
            return IdsBackchannel.Refreshed.refused("refresh-token expired");
        }
        if (accessToken.isPresent()) {
            Optional<Claims> access = context.tokens.read(accessToken.get());
            if (access.isEmpty() || access.get().expiredAt(context.clock.instant())) {
                return IdsBackchannel.Refreshed.refused(
                        "token expired or invalid: a refresh works only while both tokens are valid");
            }
            if (!entry.identity().userId().equals(access.get().userId())) {
                return IdsBackchannel.Refreshed.refused("token and refresh-token belong to different users");
            }
        }
        if (context.settings.refreshTokenRevocation()) {
            context.state.refreshTokens.put(refresh.get().tokenId(), new SsoState.RefreshEntry(entry.identity(), false));
        }
        return IdsBackchannel.Refreshed.granted(issue(context, entry.identity()));
    }
}
