package dev.ssokit.world.stubs;

import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService.Claims;
import java.util.Optional;

/** The embedded world's back-channel: Finesse and IdS share one JVM, one token service and one store. */
final class SharedMemoryIds implements IdsBackchannel {
    private final StubContext context;

    SharedMemoryIds(StubContext context) {
        this.context = context;
    }

    @Override
    public Optional<TokenGrant> redeem(String code, String redirectUri) {
        return TokenGrants.redeem(context, code, redirectUri);
    }

    @Override
    public Optional<Claims> read(String token) {
        return context.tokens.read(token);
    }

    @Override
    public Refreshed refresh(String refreshToken, Optional<String> accessToken) {
        return TokenGrants.refresh(context, refreshToken, accessToken);
    }
}
