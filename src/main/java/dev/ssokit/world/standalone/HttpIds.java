package dev.ssokit.world.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService.Claims;
import dev.ssokit.world.TokenService.Identity;
import dev.ssokit.world.WorldSettings;
import dev.ssokit.world.stubs.IdsBackchannel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Finesse's back-channel to a standalone IdS, over HTTPS as between the real servers: codes and refreshes go to
 * POST /ids/v1/oauth/token with Finesse's client credentials; tokens are validated locally with the key from
 * GET /ids/v1/keys/token/public (fetched again when a token does not verify, so an IdS restart is picked up).
 */
final class HttpIds implements IdsBackchannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final URI ids;
    private final HttpClient http;
    private final AtomicReference<RSAPublicKey> key = new AtomicReference<>();

    HttpIds(URI ids, SSLContext tls) {
        this.ids = ids;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(DEADLINE)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<TokenGrant> redeem(String code, String redirectUri) {
        if (code == null) {
            return Optional.empty();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        return post(form).filter(reply -> reply.statusCode() == 200).map(reply -> grant(reply.body()));
    }

    @Override
    public Refreshed refresh(String refreshToken, Optional<String> accessToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        accessToken.ifPresent(token -> form.put("token", token));
        Optional<HttpResponse<String>> reply = post(form);
        if (reply.isEmpty()) {
            return Refreshed.refused("IdS did not answer the refresh at " + ids + " within " + DEADLINE.toSeconds() + " s");
        }
        if (reply.get().statusCode() == 200) {
            return Refreshed.granted(grant(reply.get().body()));
        }
        try {
            return Refreshed.refused(JSON.readTree(reply.get().body()).path("error_description")
                    .asText("IdS refused the refresh (HTTP " + reply.get().statusCode() + ")"));
        } catch (IOException e) {
            return Refreshed.refused("IdS refused the refresh (HTTP " + reply.get().statusCode() + ")");
        }
    }

    @Override
    public Optional<Claims> read(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<Claims> claims = verify(token, key.get());
        if (claims.isEmpty()) {
            RSAPublicKey fresh = fetchKey();
            if (fresh != null) {
                key.set(fresh);
                claims = verify(token, fresh);
            }
        }
        return claims;
    }

    private static Optional<Claims> verify(String token, RSAPublicKey publicKey) {
        if (publicKey == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(publicKey))) {
                return Optional.empty();
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            JsonNode sub = JSON.readTree(set.getSubject());
            return Optional.of(new Claims(sub.path("usage").asText(), set.getJWTID(), sub.path("rt").asText(null),
                    sub.path("user_id").asText(null), set.getExpirationTime().toInstant()));
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private RSAPublicKey fetchKey() {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(ids.resolve("/ids/v1/keys/token/public"))
                    .timeout(DEADLINE).header("User-Agent", StandaloneJournal.BACKCHANNEL_AGENT)
                    .header("Authorization", clientCredentials()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                return null;
            }
            String base64 = reply.body().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Optional<HttpResponse<String>> post(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(ids.resolve("/ids/v1/oauth/token")).timeout(DEADLINE)
                    .header("User-Agent", StandaloneJournal.BACKCHANNEL_AGENT)
                    .header("Authorization", clientCredentials())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static TokenGrant grant(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return new TokenGrant(new Identity(json.path("user_id").asText(), json.path("realm").asText(),
                    json.path("user_principal").asText()), json.path("access_token").asText(),
                    json.path("refresh_token").asText(), json.path("expires_in").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("IdS's token endpoint answered no JSON", e);
        }
    }

    private static String clientCredentials() {
        return "Basic " + Base64.getEncoder().encodeToString((WorldSettings.FINESSE_CLIENT_ID + ":"
                + WorldSettings.FINESSE_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }
}
