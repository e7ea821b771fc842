package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.SsoState.FinesseSession;
import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService;
import dev.ssokit.world.TokenService.Claims;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finesse's side of the flow (finesse-sso-protocol.md §2.1–2.3, 2.6–2.10, §4). */
public final class FinesseStubs {
    static final String SESSION_COOKIE = "JSESSIONID";

    private FinesseStubs() {
    }

    public static List<StubBehaviour> all(StubContext context) {
        return List.of(new SystemInfo(context), new UserAuthMode(context), new SsoToken(context),
                new SsoAuthcode(context), new User(context), new SsoTest(context));
    }

    /** GET /finesse/api/SystemInfo: no credentials needed; mode and deployment from the scenario. */
    static final class SystemInfo extends StubBehaviour {
        SystemInfo(StubContext context) {
            super("finesse-system-info", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            if (context.settings.outOfService()) {
                return outOfService();
            }
            if (context.settings.systemInfoBehindProxy() && !ReverseProxy.authenticated(context, request)) {
                return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED",
                        "the reverse proxy needs credentials (Basic or Bearer) on SystemInfo");
            }
            String host = request.getHost();
            return Answers.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<SystemInfo>"
                    + "<currentTimestamp>" + context.clock.instant() + "</currentTimestamp>"
                    + "<deploymentType>" + context.settings.deploymentType() + "</deploymentType>"
                    + "<lastCTIHeartbeatStatus>success</lastCTIHeartbeatStatus>"
                    + "<lastSuccessCTIHeartbeatTime>" + context.clock.millis() + "</lastSuccessCTIHeartbeatTime>"
                    + "<ctiVersion>23</ctiVersion><ctiHeartbeatInterval>2</ctiHeartbeatInterval>"
                    + "<license></license><peripheralId>5000</peripheralId>"
                    + "<primaryNode><host>" + host + "</host></primaryNode>"
                    + "<status>IN_SERVICE</status><statusReason></statusReason>"
                    + "<systemAuthMode>" + context.settings.systemAuthMode() + "</systemAuthMode>"
                    + "<timezoneOffset>0</timezoneOffset><uri>/finesse/api/SystemInfo</uri>"
                    + "<xmppDomain>" + host + "</xmppDomain><xmppPubSubDomain>pubsub." + host + "</xmppPubSubDomain>"
                    + "</SystemInfo>");
        }
    }

    /** GET /finesse/api/UserAuthMode/{user}: 200, 403 when disabled, 404 for an unknown user (a stub choice). */
    static final class UserAuthMode extends StubBehaviour {
        UserAuthMode(StubContext context) {
            super("finesse-user-auth-mode", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            if (context.settings.outOfService()) {
                return outOfService();
            }
            if (!context.settings.userAuthModeEnabled()) {
                return Answers.apiError(403, "Forbidden", "UserAuthModeService is disabled", "");
            }
            String user = Requests.lastSegment(request);
            Optional<Agent> agent = context.directory.find(user);
            if (agent.isEmpty()) {
                return Answers.apiError(404, "User Not Found", "UNKNOWN_USER", user);
            }
            return Answers.xml(200, "<UserAuthMode><authMode>" + context.settings.userAuthModeOf(agent.get())
                    + "</authMode></UserAuthMode>");
        }
    }

    /**
     * /desktop/sso/token: without a granted session it remembers the request and redirects to IdS authorize; with
     * one it answers the token JSON. With "refresh-token" (form, or query as in TechNote 215626) it refreshes.
     */
    static final class SsoToken extends StubBehaviour {
        SsoToken(StubContext context) {
            super("finesse-sso-token", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            if (Requests.queryOrForm(request, "refresh-token").isPresent()) {
                return context.settings.refreshRedirectsToIdS() ? startAuthorize(request) : refresh(request);
            }
            if (!RequestMethod.GET.equals(request.getMethod())) {
                return Answers.ssoError(400, "invalid_request",
                        "POST /desktop/sso/token is the refresh: it needs the form fields token and refresh-token");
            }
            Optional<String> ccUsername = ccUsername(request);
            if (ccUsername.isEmpty()) {
                return Answers.ssoError(400, "invalid_request",
                        "cc_username is missing: send it as a query parameter or as a cookie");
            }
            if (context.settings.systemAuthMode() == AuthMode.NON_SSO) {
                return Answers.ssoError(400, "sso_disabled", "SSO is not enabled: systemAuthMode is NON_SSO");
            }
            FinesseSession session = Requests.cookie(request, SESSION_COOKIE)
                    .map(context.state.finesseSessions::get).orElse(null);
            if (session != null && session.grant != null && ReverseProxy.current(context, session.grant)) {
                return tokenAnswer(request, session.grant, ccUsername.get());
            }
            return startAuthorize(request);
        }

        private Optional<String> ccUsername(Request request) {
            Optional<String> fromQuery = context.settings.ccUsernameQuerySupported()
                    ? Requests.query(request, "cc_username") : Optional.empty();
            return fromQuery.or(() -> Requests.cookie(request, "cc_username").map(Requests::decode));
        }

        private ResponseDefinition startAuthorize(Request request) {
            String sessionId = Requests.cookie(request, SESSION_COOKIE)
                    .filter(context.state.finesseSessions::containsKey).orElseGet(() -> SsoState.randomId(18));
            FinesseSession session = context.state.finesseSessions.computeIfAbsent(sessionId, id -> new FinesseSession());
            String original = context.finesse(request.getUrl());
            if (!RequestMethod.GET.equals(request.getMethod())) {
                original = context.finesse("/desktop/sso/token?cc_username="
                        + URLEncoder.encode(ccUsername(request).orElse(""), StandardCharsets.UTF_8)
                        + "&return_refresh_token=true");
            }
            session.originalUrl = original;
            session.grant = null;
            String state = Base64.getEncoder().encodeToString(original.getBytes(StandardCharsets.UTF_8));
            String location = context.ids("/ids/v1/oauth/authorize?redirect_uri="
                    + URLEncoder.encode(context.finesseAuthcodeUri(), StandardCharsets.UTF_8)
                    + "&client_id=" + dev.ssokit.world.WorldSettings.FINESSE_CLIENT_ID
                    + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&response_type=code");
            return Answers.redirect(302, location, SESSION_COOKIE + "=" + sessionId + "; Path=/; Secure; HttpOnly");
        }

        private ResponseDefinition tokenAnswer(Request request, TokenGrant grant, String ccUsername) {
            Optional<Agent> agent = context.directory.find(ccUsername);
            if (agent.isEmpty() || !agent.get().uid().equals(grant.identity().userId())) {
                // Finesse ties the token's user_id (IdS's uid) to its agent; cc_username names that agent's Finesse
                // loginName or peripheralId (S1), never the IdP login name or the uid where those differ (8.8).
                return Answers.ssoError(401, "user_mismatch", "cc_username '" + ccUsername
                        + "' is not the Finesse loginName or peripheralId of the user the IdP authenticated (uid '"
                        + grant.identity().userId() + "')");
            }
            if (context.settings.effectiveAuthModeOf(agent.get()) != AuthMode.SSO) {
                return Answers.ssoError(401, "not_sso_user", "this user signs in with NON_SSO (Basic) credentials");
            }
            boolean withRefresh = Requests.query(request, "return_refresh_token").map("true"::equalsIgnoreCase)
                    .orElse(false);
            return Answers.json(200, tokenJson(grant, withRefresh));
        }

        private String tokenJson(TokenGrant grant, boolean withRefresh) {
            String full = fullTokenJson(grant, withRefresh);
            String omitted = context.settings.tokenResponseOmits();
            if (omitted == null) {
                return full;
            }
            try {
                com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                com.fasterxml.jackson.databind.node.ObjectNode node =
                        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(full);
                node.remove(omitted);
                return mapper.writeValueAsString(node);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private String fullTokenJson(TokenGrant grant, boolean withRefresh) {
            StringBuilder json = new StringBuilder("{");
            if (context.settings.extraTokenFields()) {
                json.append("\"issued_by\":\"stub-ids\",\"scope\":[\"ccc_onprem_apps\"],");
            }
            json.append("\"token\":\"").append(grant.accessToken()).append('"');
            if (withRefresh) {
                json.append(",\"refresh_token\":\"").append(grant.refreshToken()).append('"');
            }
            json.append(",\"expires_in\":").append(grant.expiresIn())
                    .append(",\"user_id\":\"").append(Answers.jsonEscape(grant.identity().userId())).append('"')
                    .append(",\"realm\":\"").append(grant.identity().realm()).append('"')
                    .append(",\"user_principal\":\"").append(Answers.jsonEscape(grant.identity().userPrincipal()))
                    .append("\"}");
            return json.toString();
        }

        private ResponseDefinition refresh(Request request) {
            String refreshToken = Requests.queryOrForm(request, "refresh-token").orElse("");
            Optional<Claims> refresh = context.tokens.read(refreshToken).filter(c -> "refresh".equals(c.usage()));
            if (refresh.isEmpty()) {
                return Answers.ssoError(401, "invalid_grant", "refresh-token is not a refresh token this IdS issued");
            }
            SsoState.RefreshEntry entry = context.state.refreshTokens.get(refresh.get().tokenId());
            if (entry == null || !entry.active()) {
                return Answers.ssoError(401, "invalid_grant", "refresh-token was revoked: it was used before");
            }
            if (refresh.get().expiredAt(context.clock.instant())) {
                return Answers.ssoError(401, "invalid_grant", "refresh-token expired");
            }
            Optional<String> accessToken = Requests.form(request, "token");
            if (accessToken.isPresent()) {
                Optional<Claims> access = context.tokens.read(accessToken.get());
                if (access.isEmpty() || access.get().expiredAt(context.clock.instant())) {
                    return Answers.ssoError(401, "invalid_grant",
                            "token expired or invalid: a refresh works only while both tokens are valid");
                }
                if (!entry.identity().userId().equals(access.get().userId())) {
                    return Answers.ssoError(401, "invalid_grant", "token and refresh-token belong to different users");
                }
            }
            if (context.settings.refreshTokenRevocation()) {
                context.state.refreshTokens.put(refresh.get().tokenId(), new SsoState.RefreshEntry(entry.identity(), false));
            }
            TokenGrant grant = issue(context, entry.identity());
            return Answers.json(200, tokenJson(grant, true));
        }
    }

    static ResponseDefinition outOfService() {
        return Answers.apiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", "");
    }

    static TokenGrant issue(StubContext context, TokenService.Identity identity) {
        context.tokens.signWithSharedSecret(context.settings.sharedSecretTokens());
        TokenService.IssuedPair pair = context.tokens.issue(identity, context.settings.accessTokenLifetime(),
                context.settings.refreshTokenLifetime());
        context.state.refreshTokens.put(pair.refreshTokenId(), new SsoState.RefreshEntry(identity, true));
        return new TokenGrant(identity, pair.accessToken(), pair.refreshToken(),
                context.settings.accessTokenLifetime().toSeconds());
    }

    /** GET /desktop/sso/authcode?code&state: Finesse swaps the code for tokens, then resumes the original request. */
    static final class SsoAuthcode extends StubBehaviour {
        SsoAuthcode(StubContext context) {
            super("finesse-sso-authcode", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<FinesseSession> session = Requests.cookie(request, SESSION_COOKIE)
                    .map(context.state.finesseSessions::get);
            if (session.isEmpty()) {
                return Answers.errorPage(401, "Finesse session missing",
                        "The JSESSIONID cookie that Finesse set on /desktop/sso/token did not come back on "
                                + "/desktop/sso/authcode, so the authorization code cannot be tied to a request.");
            }
            Optional<SsoState.CodeGrant> grant = context.state.redeemCode(Requests.query(request, "code").orElse(null),
                    context.finesseAuthcodeUri(), context.clock.instant(), context.settings.authCodeLifetime());
            if (grant.isEmpty()) {
                return Answers.errorPage(401, "Authorization code refused",
                        "The code is unknown, was already used, or expired.");
            }
            session.get().grant = issue(context, grant.get().identity());
            return Answers.redirect(302, session.get().originalUrl);
        }
    }

    /** GET and PUT /finesse/api/User/{loginName or loginId} with Bearer (SSO) or Basic (NON_SSO) credentials. */
    static final class User extends StubBehaviour {
        private static final Pattern STATE = Pattern.compile("<state>\\s*([A-Z_]+)\\s*</state>");
        private static final Pattern EXTENSION = Pattern.compile("<extension>\\s*([^<]*)\\s*</extension>");

        User(StubContext context) {
            super("finesse-user", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            if (context.settings.outOfService()) {
                return outOfService();
            }
            Object caller = authenticate(request);
            if (caller instanceof ResponseDefinition refusal) {
                return refusal;
            }
            Agent agent = (Agent) caller;
            String target = Requests.lastSegment(request);
            boolean ucce = context.settings.deploymentType() == DeploymentType.UCCE;
            // The loginId lookup (step 5) may name the token's user_id, which is the uid where it differs from the
            // loginName (8.8; Finesse knows whose token it is: an inference); state changes name the loginId (F5).
            boolean lookupByUid = RequestMethod.GET.equals(request.getMethod()) && agent.uid().equals(target);
            if (!agent.isKnownAs(target) && !lookupByUid) {
                return context.directory.find(target).isPresent()
                        ? Answers.apiError(401, "Invalid Authorization User Specified", "UNAUTHORIZED", target)
                        : Answers.apiError(404, "User Not Found", "UNKNOWN_USER", target);
            }
            if (RequestMethod.GET.equals(request.getMethod())) {
                return Answers.xml(200, userXml(agent, target));
            }
            if (!RequestMethod.PUT.equals(request.getMethod())) {
                return Answers.apiError(405, "Bad Request", "METHOD_NOT_ALLOWED", request.getMethod().getName());
            }
            if (ucce && !target.equals(agent.loginId())) {
                return Answers.apiError(401, "Invalid Authorization User Specified", "UNAUTHORIZED",
                        "use the loginId, not the loginName, in the URL");
            }
            String contentType = request.getHeader("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("application/xml")) {
                return Answers.apiError(400, "Bad Request", "INVALID_CONTENT_TYPE",
                        "Content-Type must be application/xml");
            }
            Matcher state = STATE.matcher(request.getBodyAsString());
            if (!state.find()) {
                return Answers.apiError(400, "Parameter Missing", "state", "");
            }
            if ("LOGIN".equals(state.group(1))) {
                Matcher extension = EXTENSION.matcher(request.getBodyAsString());
                if (!extension.find() || !extension.group(1).equals(agent.extension())) {
                    return Answers.apiError(400, "Invalid Input", "INVALID_EXTENSION",
                            extension.find(0) ? extension.group(1) : "");
                }
                context.state.agentStates.put(agent.loginId(), "NOT_READY");
            } else {
                context.state.agentStates.put(agent.loginId(), state.group(1));
            }
            return Answers.accepted();
        }

        /** The calling agent, or the 401 to send. */
        private Object authenticate(Request request) {
            String authorization = request.getHeader("Authorization");
            if (authorization == null) {
                return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED", "no Authorization header");
            }
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<Claims> claims = context.tokens.read(authorization.substring(7))
                        .filter(c -> "access".equals(c.usage()));
                if (claims.isEmpty()) {
                    return Answers.apiError(401, "Authorization Failure", "UNAUTHORIZED", "invalid token");
                }
                if (context.settings.rejectBearerTokens()) {
                    return Answers.apiError(401, "Authorization Failure", "UNAUTHORIZED", "token revoked");
                }
                if (claims.get().expiredAt(context.clock.instant())) {
                    return Answers.apiError(401, "Authorization Failure", "UNAUTHORIZED", "token expired");
                }
                return context.directory.findByUid(claims.get().userId())
                        .or(() -> context.directory.find(claims.get().userId())).<Object>map(a -> a).orElseGet(() ->
                        Answers.apiError(401, "Authorization Failure", "UNAUTHORIZED", "unknown user"));
            }
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED", "malformed Basic");
                }
                int colon = decoded.indexOf(':');
                Optional<Agent> agent = colon < 0 ? Optional.empty()
                        : context.directory.find(decoded.substring(0, colon))
                        .filter(a -> a.password().reveal().equals(decoded.substring(colon + 1)));
                if (agent.isEmpty()) {
                    return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED", "bad credentials");
                }
                if (context.settings.effectiveAuthModeOf(agent.get()) != AuthMode.NON_SSO) {
                    return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED",
                            "this user must sign in with SSO (Bearer token)");
                }
                return agent.get();
            }
            return Answers.apiError(401, "Authentication Failure", "UNAUTHORIZED", "unsupported Authorization scheme");
        }

        private String userXml(Agent agent, String asRequested) {
            String state = context.state.agentStates.getOrDefault(agent.loginId(), "LOGOUT");
            return "<User><dialogs>/finesse/api/User/" + agent.loginId() + "/Dialogs</dialogs>"
                    + "<extension>" + ("LOGOUT".equals(state) ? "" : agent.extension()) + "</extension>"
                    + "<firstName>" + Answers.escape(agent.firstName()) + "</firstName>"
                    + "<lastName>" + Answers.escape(agent.lastName()) + "</lastName>"
                    + "<loginId>" + agent.loginId() + "</loginId>"
                    + "<loginName>" + Answers.escape(agent.loginName()) + "</loginName>"
                    + "<mediaType>1</mediaType><pendingState></pendingState><reasonCodeId>-1</reasonCodeId>"
                    + "<roles><role>Agent</role></roles>"
                    + "<settings><wrapUpOnIncoming>OPTIONAL</wrapUpOnIncoming></settings>"
                    + "<state>" + state + "</state><stateChangeTime></stateChangeTime>"
                    + "<teamId>5000</teamId><teamName>FunctionalAgents</teamName>"
                    + "<uri>/finesse/api/User/" + Answers.escape(asRequested) + "</uri>"
                    + "<wrapUpTimer>30</wrapUpTimer></User>";
        }
    }

    /** GET /desktop/sso/test: HTML for browsers, and the ssotest cookie for clients without postMessage. */
    static final class SsoTest extends StubBehaviour {
        SsoTest(StubContext context) {
            super("finesse-sso-test", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            boolean ok = Requests.cookie(request, SESSION_COOKIE).map(context.state.finesseSessions::get)
                    .map(session -> session.grant != null).orElse(false);
            String status = ok ? "true" : "false";
            String error = ok ? "" : "NO TOKEN";
            return Answers.html(200, "<!DOCTYPE html><html><body><p>SSO test: " + status + "</p><script>"
                    + "if (window.opener) { window.opener.postMessage({status:\"" + status + "\", errorMessage:\""
                    + error + "\"}, '*'); }</script></body></html>", "ssotest=" + status + "; Path=/; Secure");
        }
    }
}
