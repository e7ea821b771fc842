package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.world.SsoState.FinesseSession;
import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService;
import java.util.List;
import java.util.Optional;

/** Finesse's side of the flow (finesse-sso-protocol.md §2.1–2.3, 2.6–2.10, §4). */
public final class FinesseStubs {
    static final String SESSION_COOKIE = "JSESSIONID";

    private FinesseStubs() {
    }

    public static List<StubBehaviour> all(StubContext context) {
        return List.of(new SystemInfo(context), new UserAuthMode(context), new FinesseSsoToken(context),
                new SsoAuthcode(context), new FinesseUser(context), new SsoTest(context));
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

    static ResponseDefinition outOfService() {
        return Answers.apiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", "");
    }

    static TokenGrant issue(StubContext context, TokenService.Identity identity) {
        return TokenGrants.issue(context, identity);
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
            Optional<TokenGrant> grant = context.idsLink().redeem(Requests.query(request, "code").orElse(null),
                    context.finesseAuthcodeUri());
            if (grant.isEmpty()) {
                return Answers.errorPage(401, "Authorization code refused",
                        "The code is unknown, was already used, or expired.");
            }
            session.get().grant = grant.get();
            return Answers.redirect(302, session.get().originalUrl);
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
