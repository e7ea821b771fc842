package dev.ssokit.contract;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.filter.Filter;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;

/**
 * The response shapes of Finesse and IdS (finesse-sso-protocol.md §1–2), probed with REST Assured and judged with
 * AssertJ soft assertions. Each probe returns the list of deviations (empty: the target keeps the contract). Written
 * against base URIs and a trust store only, so the same probes can run against a lab.
 */
public final class FinesseContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> API_ERROR_CHILDREN = Set.of("ErrorType", "ErrorMessage", "ErrorData");

    private final URI finesse;
    private final URI ids;
    private final RestAssuredConfig config;
    private final Filter recorder;

    public FinesseContract(URI finesse, URI ids, KeyStore trust, Filter recorder) {
        this.finesse = finesse;
        this.ids = ids;
        this.recorder = recorder;
        this.config = RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig().trustStore(trust))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    private RequestSpecification at(URI base) {
        return given().config(config).baseUri(base.toString()).urlEncodingEnabled(false).filter(recorder);
    }

    private static List<String> problems(SoftAssertions soft) {
        List<String> problems = new ArrayList<>();
        soft.errorsCollected().forEach(error -> problems.add(error.getMessage().trim().replaceAll("\\s+", " ")
                .replaceAll(" at [\\w.$]+\\([\\w.]+:\\d+\\)$", "")));
        return problems;
    }

    /** GET /finesse/api/SystemInfo, without credentials: 200 XML with the documented elements and values. */
    public List<String> systemInfo() {
        Response response = at(finesse).get("/finesse/api/SystemInfo");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(200);
        soft.assertThat(response.contentType()).as("content type").startsWith("application/xml");
        XmlPath xml = response.xmlPath();
        soft.assertThat(xml.getString("SystemInfo.systemAuthMode")).as("systemAuthMode").isIn("SSO", "NON_SSO", "HYBRID");
        soft.assertThat(xml.getString("SystemInfo.deploymentType")).as("deploymentType").isIn("UCCE", "UCCX");
        soft.assertThat(xml.getString("SystemInfo.status")).as("status element")
                .isIn("IN_SERVICE", "PARTIAL_SERVICE", "OUT_OF_SERVICE");
        soft.assertThat(xml.getString("SystemInfo.uri")).as("uri").isEqualTo("/finesse/api/SystemInfo");
        soft.assertThat(xml.getString("SystemInfo.currentTimestamp")).as("currentTimestamp").isNotBlank();
        return problems(soft);
    }

    /** GET /finesse/api/UserAuthMode/{user}: 200 with authMode, or the given error status with ApiErrors. */
    public List<String> userAuthMode(String user, int expectedStatus, String expected) {
        Response response = at(finesse).get("/finesse/api/UserAuthMode/" + pathSegment(user));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(expectedStatus);
        if (expectedStatus == 200) {
            soft.assertThat(response.xmlPath().getString("UserAuthMode.authMode")).as("authMode").isEqualTo(expected);
        } else {
            apiError(soft, response, expected);
        }
        return problems(soft);
    }

    /** A Finesse API request that must be refused with this status and ApiErrors ErrorType. */
    public List<String> refused(String method, String path, String authorization, String contentType, String body,
                                int status, String errorType) {
        RequestSpecification request = at(finesse);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        Response response = request.request(method, path);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as(method + " " + path + " status").isEqualTo(status);
        apiError(soft, response, errorType);
        return problems(soft);
    }

    private static void apiError(SoftAssertions soft, Response response, String errorType) {
        soft.assertThat(response.contentType()).as("error content type").startsWith("application/xml");
        XmlPath xml = response.xmlPath();
        soft.assertThat(xml.getString("ApiErrors.ApiError.ErrorType")).as("ApiErrors/ApiError/ErrorType")
                .isEqualTo(errorType);
        soft.assertThat(xml.getList("ApiErrors.ApiError.children()*.name()", String.class)).as("ApiError children")
                .containsAll(API_ERROR_CHILDREN.stream().filter(name -> !name.equals("ErrorData")).toList());
    }

    /** GET /finesse/api/User/{id} with a Bearer token: the User object with loginId, loginName, and uri echoing id. */
    public List<String> userObject(String id, String bearer, String loginId, String loginName) {
        Response response = at(finesse).header("Authorization", "Bearer " + bearer).get("/finesse/api/User/"
                + pathSegment(id));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(200);
        soft.assertThat(response.contentType()).as("content type").startsWith("application/xml");
        XmlPath xml = response.xmlPath();
        soft.assertThat(xml.getString("User.loginId")).as("loginId").isEqualTo(loginId);
        soft.assertThat(xml.getString("User.loginName")).as("loginName").isEqualTo(loginName);
        soft.assertThat(xml.getString("User.uri")).as("uri").isEqualTo("/finesse/api/User/" + id);
        soft.assertThat(xml.getString("User.state")).as("state").isIn("LOGOUT", "NOT_READY", "READY", "TALKING",
                "WORK", "WORK_READY", "HOLD", "RESERVED", "UNKNOWN");
        soft.assertThat(xml.getList("User.roles.role", String.class)).as("roles").isNotEmpty();
        return problems(soft);
    }

    /** PUT /finesse/api/User/{loginId} LOGIN with the extension: 202 with an empty body. */
    public List<String> signIn(String loginId, String bearer, String extension) {
        Response response = at(finesse).header("Authorization", "Bearer " + bearer).contentType("application/xml")
                .body("<User><state>LOGIN</state><extension>" + extension + "</extension></User>")
                .put("/finesse/api/User/" + loginId);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(202);
        soft.assertThat(response.asString()).as("body").isEmpty();
        return problems(soft);
    }

    /**
     * The token JSON of /desktop/sso/token (§2.3) and its JWTs (§2.4): the six fields, an RS256 access token with
     * cty JWT, a stringified sub with usage, user_id and token = jti, exp - iat = expires_in, and a signature that
     * verifies with IdS's public key.
     */
    public List<String> tokenResponse(String json, String userId, long expiresIn) {
        SoftAssertions soft = new SoftAssertions();
        try {
            JsonNode body = JSON.readTree(json);
            soft.assertThat(iterable(body.fieldNames())).as("token JSON fields")
                    .contains("token", "refresh_token", "expires_in", "user_id", "realm", "user_principal");
            soft.assertThat(body.path("expires_in").isNumber()).as("expires_in is a number").isTrue();
            soft.assertThat(body.path("expires_in").asLong()).as("expires_in").isEqualTo(expiresIn);
            soft.assertThat(body.path("user_id").asText()).as("user_id").isEqualTo(userId);
            soft.assertThat(body.path("user_principal").asText()).as("user_principal")
                    .isEqualTo(userId + "@" + body.path("realm").asText());
            RSAPublicKey key = publicKey();
            checkJwt(soft, body.path("token").asText(), "access", expiresIn, key);
            checkJwt(soft, body.path("refresh_token").asText(), "refresh", -1, key);
        } catch (Exception e) {
            soft.fail("the token response could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return problems(soft);
    }

    private static void checkJwt(SoftAssertions soft, String token, String usage, long lifetime, RSAPublicKey key)
            throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        soft.assertThat(jwt.getHeader().getAlgorithm()).as(usage + " token alg").isEqualTo(JWSAlgorithm.RS256);
        soft.assertThat(jwt.getHeader().getContentType()).as(usage + " token cty").isEqualTo("JWT");
        soft.assertThat(jwt.verify(new RSASSAVerifier(key))).as(usage + " token signature (IdS public key)").isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        JsonNode sub = JSON.readTree(claims.getSubject());
        soft.assertThat(sub.path("usage").asText()).as(usage + " token sub.usage").isEqualTo(usage);
        soft.assertThat(sub.path("token").asText()).as(usage + " token sub.token = jti").isEqualTo(claims.getJWTID());
        soft.assertThat(sub.path("expiry").asLong() / 1000).as(usage + " token sub.expiry (ms) = exp (s)")
                .isEqualTo(claims.getExpirationTime().getTime() / 1000);
        if (lifetime > 0) {
            soft.assertThat((claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000)
                    .as(usage + " token exp - iat").isEqualTo(lifetime);
            soft.assertThat(sub.path("rt").asText()).as("access token sub.rt").isNotBlank();
        }
    }

    /** GET /ids/v1/keys/token/public: the token-signing key as PEM (text/plain). */
    public RSAPublicKey publicKey() throws Exception {
        Response response = at(ids).get("/ids/v1/keys/token/public");
        if (response.statusCode() != 200 || !response.contentType().startsWith("text/plain")) {
            throw new IllegalStateException("/ids/v1/keys/token/public answered " + response.statusCode() + " "
                    + response.contentType());
        }
        String base64 = response.asString().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A refresh with a refresh token that was already used (rotated away) is refused with 401. */
    public List<String> refreshRefused(String ccUsername, String accessToken, String refreshToken) {
        Response response = at(finesse).queryParam("cc_username", pathSegment(ccUsername)).contentType(
                "application/x-www-form-urlencoded").formParam("token", accessToken)
                .formParam("refresh-token", refreshToken).post("/desktop/sso/token");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status of a refresh with a used refresh token").isEqualTo(401);
        soft.assertThat(response.contentType()).as("content type").startsWith("application/json");
        return problems(soft);
    }

    /** GET /desktop/sso/token without cc_username: 400. */
    public List<String> tokenWithoutUsername() {
        Response response = at(finesse).get("/desktop/sso/token?return_refresh_token=true");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(400);
        return problems(soft);
    }

    /** GET /desktop/sso/token with cc_username: a redirect to IdS authorize with the OAuth parameters of §2.5. */
    public List<String> tokenRedirectsToIds(String ccUsername) {
        Response response = at(finesse).get("/desktop/sso/token?cc_username=" + pathSegment(ccUsername)
                + "&return_refresh_token=true");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isBetween(301, 308);
        String location = String.valueOf(response.header("Location"));
        soft.assertThat(location).as("Location").startsWith(ids + "/ids/v1/oauth/authorize?");
        for (String parameter : List.of("redirect_uri=", "client_id=", "state=", "response_type=code")) {
            soft.assertThat(location).as("authorize URL carries " + parameter).contains(parameter);
        }
        soft.assertThat(location).as("redirect_uri").contains("%2Fdesktop%2Fsso%2Fauthcode");
        soft.assertThat(response.headers().getValues("Set-Cookie")).as("Finesse session cookie").isNotEmpty();
        return problems(soft);
    }

    /** IdS authorize refuses an unknown client_id or a redirect_uri that is not registered. */
    public List<String> authorizeRefuses(String clientId, String redirectUri) {
        Response response = at(ids).get("/ids/v1/oauth/authorize?client_id=" + clientId + "&redirect_uri="
                + java.net.URLEncoder.encode(redirectUri, java.nio.charset.StandardCharsets.UTF_8)
                + "&state=eA%3D%3D&response_type=code");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.statusCode()).as("status").isEqualTo(400);
        soft.assertThat(response.header("Location")).as("no redirect").isNull();
        return problems(soft);
    }

    private static String pathSegment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    // --- Probes that need no client under test (finesse-sso-protocol.md 8.5, 8.7). ---

    /** GET /desktop/sso/token on a Finesse session IdS already granted: the token JSON as Finesse answers it. */
    public String tokenWithSession(String sessionId, String ccUsername) {
        Response response = at(finesse).cookie("JSESSIONID", sessionId)
                .get("/desktop/sso/token?cc_username=" + pathSegment(ccUsername) + "&return_refresh_token=true");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token request on a granted session answered " + response.statusCode());
        }
        return response.asString();
    }

    /** A refresh as the 12.5 guide writes it (POST form token + refresh-token): status and body. */
    public Map.Entry<Integer, String> refresh(String ccUsername, String accessToken, String refreshToken) {
        Response response = at(finesse).queryParam("cc_username", pathSegment(ccUsername)).contentType(
                "application/x-www-form-urlencoded").formParam("token", accessToken)
                .formParam("refresh-token", refreshToken).post("/desktop/sso/token");
        return Map.entry(response.statusCode(), response.asString());
    }

    /** The public key needs client credentials: 401 without them, the PEM with them (8.7). */
    public List<String> publicKeyBehindClientCredentials(String clientId, String secret) {
        SoftAssertions soft = new SoftAssertions();
        Response without = at(ids).get("/ids/v1/keys/token/public");
        soft.assertThat(without.statusCode()).as("public key without credentials").isEqualTo(401);
        Response with = at(ids).auth().preemptive().basic(clientId, secret).get("/ids/v1/keys/token/public");
        soft.assertThat(with.statusCode()).as("public key with client credentials").isEqualTo(200);
        soft.assertThat(with.asString()).as("PEM").contains("-----BEGIN PUBLIC KEY-----");
        return problems(soft);
    }
}
