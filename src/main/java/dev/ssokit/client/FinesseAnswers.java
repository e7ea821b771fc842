package dev.ssokit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every client reads out of Finesse's and IdS's answers, the same way whatever browser it drives: the
 * SystemInfo, UserAuthMode and User XML, the token JSON, the messages of the flow's steps, and the end of Cisco's
 * procedure once the auth mode is known. One reading, so two clients that disagree disagree on the wire.
 */
public final class FinesseAnswers {
    /** The start of the failure when UserAuthMode answered 200 with nothing readable (S4 stops on it). */
    public static final String UNREADABLE_USER_AUTH_MODE = "UserAuthMode could not be read";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_ID = Pattern.compile("<loginId>\\s*([^<]+?)\\s*</loginId>");
    private static final Pattern ELEMENT = Pattern.compile("<(systemAuthMode|deploymentType|authMode)>\\s*([^<]*?)\\s*</\\1>");

    private FinesseAnswers() {
    }

    /** Step 1: GET /finesse/api/SystemInfo answered; host names the Finesse that answered. */
    public static Outcome<SystemReport> systemInfo(ApiReply reply, String host) {
        if (reply.status() != 200) {
            return Outcome.failed("SystemInfo answered HTTP " + reply.status() + ", not 200");
        }
        try {
            AuthMode mode = AuthMode.parse(element(reply.body(), "systemAuthMode"));
            return Outcome.ok(new SystemReport(mode, DeploymentType.parse(element(reply.body(), "deploymentType"))));
        } catch (IllegalArgumentException e) {
            return Outcome.failed("SystemInfo could not be read (GET host " + host + " path /finesse/api/SystemInfo "
                    + "answered HTTP 200): " + e.getMessage() + "; stopped before sending any credentials");
        }
    }

    /** Step 2: GET /finesse/api/UserAuthMode/{user} answered. */
    public static Outcome<AuthMode> userAuthMode(ApiReply reply, String host, String username) {
        if (reply.status() != 200) {
            return Outcome.failed("UserAuthMode answered HTTP " + reply.status()
                    + ": treating the user as unable to use SSO");
        }
        try {
            return Outcome.ok(AuthMode.parse(element(reply.body(), "authMode")));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(UNREADABLE_USER_AUTH_MODE + " (GET host " + host + " path "
                    + userAuthModePath(username) + " answered HTTP 200): " + e.getMessage());
        }
    }

    public static String userAuthModePath(String username) {
        return "/finesse/api/UserAuthMode/" + pathSegment(username);
    }

    /** Step 5: the loginId out of GET /finesse/api/User/{id} (or why that call failed). */
    public static Outcome<String> loginId(Outcome<ApiReply> answered, String userId) {
        if (!answered.succeeded()) {
            return Outcome.failed(answered.failure());
        }
        ApiReply reply = answered.value();
        Matcher matcher = LOGIN_ID.matcher(reply.body() == null ? "" : reply.body());
        if (reply.status() != 200 || !matcher.find()) {
            return Outcome.failed("GET /finesse/api/User/" + userId + " answered HTTP " + reply.status()
                    + " without a loginId");
        }
        return Outcome.ok(matcher.group(1));
    }

    /** A call on the agent's own User resource once the loginId is known (or why it is not). */
    public static <T> Outcome<T> asUser(Outcome<String> loginId, Function<String, Outcome<T>> call) {
        return loginId.succeeded() ? call.apply(loginId.value()) : Outcome.failed(loginId.failure());
    }

    /** Step 6: the body of PUT /finesse/api/User/{loginId} that signs the agent in to an extension. */
    public static String signInBody(String extension) {
        return "<User><state>LOGIN</state><extension>" + extension + "</extension></User>";
    }

    public static String userPath(String id) {
        return "/finesse/api/User/" + pathSegment(id);
    }

    /** A value as one URL path segment (a space is %20, never +). */
    public static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The token answer as JSON, or empty when it is not JSON at all. */
    public static Optional<JsonNode> json(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why the token request was refused, in the refuser's own words (error, error_description). */
    public static String tokenRefused(String refuser, int status, JsonNode json) {
        return refuser + " refused the token request: HTTP " + status + " " + json.path("error").asText("") + ": "
                + json.path("error_description").asText("");
    }

    /**
     * Step 3's terminal JSON as a token: token, expires_in and user_id must be there (unless lenient, for a broken
     * twin), expires_in positive; an answer without refresh_token keeps the refresh token held before.
     */
    public static Outcome<TokenSet> token(JsonNode json, TokenSet held, Instant now, boolean lenient) {
        List<String> present = new ArrayList<>();
        json.fieldNames().forEachRemaining(present::add);
        for (String field : List.of("token", "expires_in", "user_id")) {
            if (!lenient && (!json.hasNonNull(field) || json.get(field).asText().isBlank())) {
                return Outcome.failed("The token response lacks \"" + field + "\": fields present " + present);
            }
        }
        long expiresIn = json.path("expires_in").asLong(0);
        if (!lenient && expiresIn <= 0) {
            return Outcome.failed("The token response has no positive expires_in: fields present " + present);
        }
        Secret refresh = json.hasNonNull("refresh_token") ? Secret.of(json.get("refresh_token").asText()) : null;
        if (refresh == null && held != null && held.hasRefreshToken()) {
            refresh = held.refreshToken();
        }
        return Outcome.ok(new TokenSet(Secret.of(json.path("token").asText("")), refresh, expiresIn,
                json.path("user_id").asText(""), json.path("realm").asText(""),
                json.path("user_principal").asText(""), now));
    }

    /** The flow came back to the IdP's login page after the credentials went in. */
    public static String credentialsRefused(String username, String errorText) {
        return "The IdP did not accept the credentials of '" + username + "': it showed its login page again"
                + (errorText == null || errorText.isEmpty() ? "" : " saying \"" + errorText + "\"");
    }

    /**
     * Steps 3 to 6 once the auth mode is decided (SSO or NON_SSO): a token or Basic, the loginId, the sign-in.
     * basic marks the client as authenticating with Basic credentials.
     */
    public static Outcome<SignedIn> signIn(ClientUnderTest client, AuthMode mode, Credentials credentials,
            String extension, Runnable basic) {
        if (mode == AuthMode.NON_SSO) {
            basic.run();
        } else {
            Outcome<TokenSet> acquired = client.acquireToken(credentials, UsernameCarrier.QUERY);
            if (!acquired.succeeded()) {
                return Outcome.failed(acquired.failure());
            }
        }
        Outcome<String> resolved = client.resolveLoginId();
        if (!resolved.succeeded()) {
            return Outcome.failed(resolved.failure());
        }
        Outcome<ApiReply> signIn = client.signInToExtension(extension);
        if (!signIn.succeeded()) {
            return Outcome.failed(signIn.failure());
        }
        return Outcome.ok(new SignedIn(mode == AuthMode.NON_SSO ? AuthMode.NON_SSO : AuthMode.SSO,
                client.loginId().orElse(resolved.value()), signIn.value().status()));
    }

    private static String element(String xml, String name) {
        Matcher matcher = ELEMENT.matcher(xml == null ? "" : xml);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalArgumentException("no <" + name + "> element in the response");
    }
}
