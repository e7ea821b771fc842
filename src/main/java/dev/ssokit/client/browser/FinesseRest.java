package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.FinesseAnswers;
import dev.ssokit.client.SystemReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;

/**
 * The Finesse REST calls of the procedure: SystemInfo, UserAuthMode, the User lookup for the loginId and the
 * sign-in, each with the current credentials (Bearer or Basic) and, on a 401, one renewal and one retry.
 */
final class FinesseRest {
    private final ClientSettings settings;
    private final PageDriver driver;
    private final TokenKeeper keeper;
    private String loginId;
    private DeploymentType deploymentType;

    FinesseRest(ClientSettings settings, PageDriver driver, TokenKeeper keeper) {
        this.settings = settings;
        this.driver = driver;
        this.keeper = keeper;
    }

    String loginId() {
        return loginId;
    }

    DeploymentType deploymentType() {
        return deploymentType;
    }

    Outcome<SystemReport> readSystemAuthMode() {
        Outcome<ApiReply> reply = driver.exchange(systemInfoRequest(false));
        if (reply.succeeded() && reply.value().status() == 401
                && (keeper.credentials() != null || keeper.token() != null)) {
            reply = driver.exchange(systemInfoRequest(true)); // VPN-less reverse proxy: SystemInfo wants credentials (F17)
        }
        if (!reply.succeeded()) {
            return Outcome.failed(reply.failure());
        }
        Outcome<SystemReport> report = FinesseAnswers.systemInfo(reply.value(), settings.finesseBaseUri().getHost());
        if (report.succeeded()) {
            deploymentType = report.value().deploymentType();
        }
        return report;
    }

    private WebRequest systemInfoRequest(boolean retryAfter401) {
        WebRequest request = new WebRequest(driver.url("/finesse/api/SystemInfo"), HttpMethod.GET);
        VariantHooks.systemInfoCredentials(request, retryAfter401, keeper.credentials(), keeper.token(), settings);
        return request;
    }

    Outcome<AuthMode> readUserAuthMode(String username) {
        Outcome<ApiReply> reply = driver.exchange(new WebRequest(driver.url(FinesseAnswers.userAuthModePath(username)),
                HttpMethod.GET));
        if (!reply.succeeded()) {
            return Outcome.failed(reply.failure());
        }
        return FinesseAnswers.userAuthMode(reply.value(), settings.finesseBaseUri().getHost(), username);
    }

    Outcome<String> resolveLoginId() {
        if (keeper.token() == null && keeper.authenticatedWith() != AuthMode.NON_SSO) {
            return Outcome.failed("No token yet: acquire one before resolving the loginId");
        }
        if (deploymentType == null) {
            Outcome<SystemReport> system = readSystemAuthMode();
            if (!system.succeeded()) {
                return Outcome.failed(system.failure());
            }
        }
        String userId = keeper.authenticatedWith() == AuthMode.NON_SSO ? keeper.credentials().username()
                : keeper.lookupId();
        if (deploymentType == DeploymentType.UCCX || settings.has(Defect.LOGIN_NAME_AS_LOGIN_ID)) {
            loginId = userId;
            return Outcome.ok(loginId);
        }
        Outcome<String> found = FinesseAnswers.loginId(call(HttpMethod.GET, "/finesse/api/User/"
                + keeper.lookupSegment(userId, FinesseAnswers.pathSegment(userId)), null), userId);
        loginId = found.optional().orElse(loginId);
        return found;
    }

    Outcome<ApiReply> signInToExtension(String extension) {
        return FinesseAnswers.asUser(knownLoginId(), id -> call(HttpMethod.PUT, FinesseAnswers.userPath(id),
                FinesseAnswers.signInBody(extension)));
    }

    Outcome<ApiReply> readOwnUser() {
        return FinesseAnswers.asUser(knownLoginId(), id -> call(HttpMethod.GET, FinesseAnswers.userPath(id), null));
    }

    private Outcome<String> knownLoginId() {
        return loginId != null ? Outcome.ok(loginId) : resolveLoginId();
    }

    /** A Finesse REST call with the current credentials; on a 401, one refresh (or re-sign-in) and one retry. */
    Outcome<ApiReply> call(HttpMethod method, String path, String xmlBody) {
        int attempts = settings.has(Defect.REFRESH_STORM_ON_401) ? 10 : 2;
        Outcome<ApiReply> reply = Outcome.failed("not sent");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            reply = driver.exchange(authorised(method, path, xmlBody));
            if (!reply.succeeded() || reply.value().status() != 401 || keeper.authenticatedWith() != AuthMode.SSO
                    || attempt == attempts) {
                return reply;
            }
            Outcome<TokenSet> renewed = keeper.refresh();
            if (!renewed.succeeded()) {
                return reply;
            }
        }
        return reply;
    }

    private WebRequest authorised(HttpMethod method, String path, String xmlBody) {
        TokenSet token = keeper.token();
        Credentials credentials = keeper.credentials();
        boolean sso = keeper.authenticatedWith() == AuthMode.SSO && token != null;
        String target = path;
        if (sso && settings.has(Defect.TOKEN_IN_QUERY)) {
            target += (path.contains("?") ? "&" : "?") + "access_token=" + token.accessToken().reveal();
        }
        WebRequest request = new WebRequest(driver.url(target), method);
        if (sso && !settings.has(Defect.TOKEN_IN_QUERY)) {
            request.setAdditionalHeader("Authorization", "Bearer " + keeper.bearer().reveal());
        } else if (keeper.authenticatedWith() == AuthMode.NON_SSO && credentials != null) {
            request.setAdditionalHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8)));
        }
        if (xmlBody != null) {
            request.setAdditionalHeader("Content-Type", "application/xml");
        }
        String body = VariantHooks.restBody(request, xmlBody, settings);
        if (body != null) {
            request.setRequestBody(body);
        }
        return request;
    }
}
