package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.SsoState.FinesseSession;
import dev.ssokit.world.SsoState.TokenGrant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * /desktop/sso/token: without a granted session it remembers the request and redirects to IdS authorize; with
 * one it answers the token JSON. With "refresh-token" (form, or query as in TechNote 215626) it refreshes.
 */
final class FinesseSsoToken extends StubBehaviour {
    FinesseSsoToken(StubContext context) {
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
        FinesseSession session = Requests.cookie(request, FinesseStubs.SESSION_COOKIE)
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
        String sessionId = Requests.cookie(request, FinesseStubs.SESSION_COOKIE)
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
        return Answers.redirect(302, location, FinesseStubs.SESSION_COOKIE + "=" + sessionId + "; Path=/; Secure; HttpOnly");
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
        IdsBackchannel.Refreshed refreshed = context.idsLink().refresh(refreshToken, Requests.form(request, "token"));
        if (refreshed.grant() == null) {
            return Answers.ssoError(401, "invalid_grant", refreshed.error());
        }
        return Answers.json(200, tokenJson(refreshed.grant(), true));
    }
}
