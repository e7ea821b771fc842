package dev.ssokit.world;

import dev.ssokit.world.TokenService.Identity;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side memory of Finesse, IdS and the IdP for one scenario: sessions behind their cookies, pending
 * authorize requests, SAML responses, relay hand-offs, single-use codes and the refresh-token chain. Finesse's
 * code exchange with IdS is server to server in reality; here it is this shared store.
 */
public final class SsoState {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Finesse's session behind its JSESSIONID: what /desktop/sso/token asked for, and the tokens once granted. */
    public static final class FinesseSession {
        public volatile String originalUrl;
        public volatile TokenGrant grant;
    }

    /** IdS's session behind its own cookie: the pending authorize request and, after the SAML step, who it is. */
    public static final class IdsSession {
        public volatile String clientId;
        public volatile String redirectUri;
        public volatile String state;
        public volatile String authnRequestId;
        public volatile String relayState;
        public volatile Identity identity;
    }

    public record SamlAssertion(String responseId, String inResponseTo, String relayState, Identity identity) {
    }

    public record CodeGrant(String idsSessionId, String redirectUri, Identity identity, Instant issuedAt) {
    }

    public record TokenGrant(Identity identity, String accessToken, String refreshToken, long expiresIn) {
    }

    public record RefreshEntry(Identity identity, boolean active) {
    }

    public final Map<String, FinesseSession> finesseSessions = new ConcurrentHashMap<>();
    public final Map<String, IdsSession> idsSessions = new ConcurrentHashMap<>();
    public final Map<String, SamlAssertion> samlResponses = new ConcurrentHashMap<>();
    public final Map<String, String> relayHandOffs = new ConcurrentHashMap<>();
    /** The reverse proxy's memory (8.13): failed authentications per client address, and blocks until when. */
    public final Map<String, Integer> proxyFailures = new ConcurrentHashMap<>();
    public final Map<String, Instant> proxyBlockedUntil = new ConcurrentHashMap<>();
    public final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    public final Map<String, RefreshEntry> refreshTokens = new ConcurrentHashMap<>();
    public final Map<String, String> agentStates = new ConcurrentHashMap<>();
    /** The stub IdP's pending sign-ins (flow token -> AuthnRequest and RelayState) across its pages. */
    public final Map<String, IdpFlow> idpFlows = new ConcurrentHashMap<>();
    /** The stub IdP's own sign-in sessions (its session cookie -> who, and when it issued each token). */
    public final Map<String, IdpSession> idpSessions = new ConcurrentHashMap<>();

    public record IdpFlow(String authnRequestXml, String relayState) {
    }

    public static final class IdpSession {
        public final String loginName;
        public final java.util.List<Instant> tokensIssued = new java.util.concurrent.CopyOnWriteArrayList<>();

        public IdpSession(String loginName) {
            this.loginName = loginName;
        }
    }

    public void reset() {
        finesseSessions.clear();
        idsSessions.clear();
        samlResponses.clear();
        idpFlows.clear();
        idpSessions.clear();
        relayHandOffs.clear();
        proxyFailures.clear();
        proxyBlockedUntil.clear();
        codes.clear();
        refreshTokens.clear();
        agentStates.clear();
    }

    public static String randomId(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** Takes a code once; a second use, a stale code or another redirect_uri gets nothing. */
    public Optional<CodeGrant> redeemCode(String code, String redirectUri, Instant now, java.time.Duration lifetime) {
        if (code == null) {
            return Optional.empty();
        }
        CodeGrant grant = codes.remove(code);
        if (grant == null || !grant.redirectUri().equals(redirectUri)
                || now.isAfter(grant.issuedAt().plus(lifetime))) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }
}
