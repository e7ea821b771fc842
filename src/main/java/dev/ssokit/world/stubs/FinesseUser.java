package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.world.TokenService.Claims;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GET and PUT /finesse/api/User/{loginName or loginId} with Bearer (SSO) or Basic (NON_SSO) credentials. */
final class FinesseUser extends StubBehaviour {
    private static final Pattern STATE = Pattern.compile("<state>\\s*([A-Z_]+)\\s*</state>");
    private static final Pattern EXTENSION = Pattern.compile("<extension>\\s*([^<]*)\\s*</extension>");

    FinesseUser(StubContext context) {
        super("finesse-user", context);
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        if (context.settings.outOfService()) {
            return FinesseStubs.outOfService();
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
            Optional<Claims> claims = context.idsLink().read(authorization.substring(7))
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
