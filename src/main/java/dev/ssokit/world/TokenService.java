package dev.ssokit.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and validates IdS-shaped tokens (finesse-sso-protocol.md §2.4): RS256 JWTs with header cty=JWT, a
 * {@code sub} that is a JSON object serialised as a string, exp/iat in seconds, expiry in ms, jti = inner token id,
 * and the access token's {@code rt} naming its refresh token.
 */
public final class TokenService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey signingKey;
    private final String issuer;
    private final Clock clock;
    private final byte[] sharedSecret = HexFormat.of().parseHex(tokenId() + tokenId());
    private volatile boolean signWithSharedSecret;

    public TokenService(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("ids-token-signing").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the IdS token-signing key", e);
        }
    }

    public record Identity(String userId, String realm, String userPrincipal) {
    }

    /** Claims a stub reads back from a token it issued. */
    public record Claims(String usage, String tokenId, String refreshTokenId, String userId, Instant expiresAt) {
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public record IssuedPair(String accessToken, String accessTokenId, String refreshToken, String refreshTokenId) {
    }

    /** Pre-12.6(2) IdS (finesse-sso-protocol.md 8.12): HS256 with the shared secret instead of RS256. */
    public void signWithSharedSecret(boolean shared) {
        this.signWithSharedSecret = shared;
    }

    public IssuedPair issue(Identity identity, Duration accessLifetime, Duration refreshLifetime) {
        Instant now = clock.instant();
        String accessId = tokenId();
        String refreshId = tokenId();
        ObjectNode accessSub = JSON.createObjectNode();
        accessSub.putArray("scope").add("ccc_onprem_apps");
        accessSub.put("rt", refreshId);
        accessSub.put("user_id", identity.userId());
        accessSub.put("realm", identity.realm());
        accessSub.put("upn", identity.userPrincipal());
        accessSub.put("ids_id", issuer);
        accessSub.put("client_id", WorldSettings.FINESSE_CLIENT_ID);
        accessSub.put("token", accessId);
        accessSub.put("expiry", now.plus(accessLifetime).toEpochMilli());
        accessSub.put("usage", "access");
        accessSub.put("ver", "1.0");
        ObjectNode refreshSub = JSON.createObjectNode();
        refreshSub.put("ids_id", issuer);
        refreshSub.put("client_id", WorldSettings.FINESSE_CLIENT_ID);
        refreshSub.put("token", refreshId);
        refreshSub.put("expiry", now.plus(refreshLifetime).toEpochMilli());
        refreshSub.put("usage", "refresh");
        refreshSub.put("ver", "1.0");
        return new IssuedPair(sign(accessSub, accessId, now, accessLifetime), accessId,
                sign(refreshSub, refreshId, now, refreshLifetime), refreshId);
    }

    private String sign(ObjectNode sub, String id, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(sub.toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(id)
                .build();
        boolean shared = signWithSharedSecret;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(shared ? JWSAlgorithm.HS256 : JWSAlgorithm.RS256)
                .contentType("JWT").build(), claims);
        try {
            jwt.sign(shared ? new com.nimbusds.jose.crypto.MACSigner(sharedSecret) : new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token this IdS signed, or empty when it is not one (malformed, foreign, tampered). */
    public Optional<Claims> read(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            boolean hs256 = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm());
            if (!jwt.verify(hs256 ? new com.nimbusds.jose.crypto.MACVerifier(sharedSecret)
                    : new RSASSAVerifier(signingKey.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            JsonNode sub = JSON.readTree(claims.getSubject());
            return Optional.of(new Claims(sub.path("usage").asText(), claims.getJWTID(),
                    sub.path("rt").asText(null), sub.path("user_id").asText(null),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code GET /ids/v1/keys/token/public}: the PEM of the signing key's public half. */
    public String publicKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(signingKey.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenId() {
        UUID uuid = UUID.randomUUID();
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
    }
}
