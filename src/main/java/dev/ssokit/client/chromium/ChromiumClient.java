package dev.ssokit.client.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.FinesseAnswers;
import dev.ssokit.client.ForeignTarget;
import dev.ssokit.client.Hop;
import dev.ssokit.client.PageReport;
import dev.ssokit.client.SignedIn;
import dev.ssokit.client.SystemReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headless Chromium as a thick client that embeds a browser (as CEF and Electron clients do): the browser runs the
 * SSO flow, the lab pages and the refresh form; the application's REST calls are fetch() calls from the Finesse
 * page the flow ended on. The procedure around it (auth modes, loginId, refresh at 75 %, one renewal per 401) is
 * the same as the reference client's, so where the two disagree the difference is the browser's.
 */
public final class ChromiumClient implements ClientUnderTest {
    public static final String ID = "chromium";

    private final ForeignTarget target;
    private final ChromiumBrowser browser;
    private Credentials credentials;
    private UsernameCarrier carrier = UsernameCarrier.QUERY;
    private TokenSet token;
    private String loginId;
    private DeploymentType deploymentType;
    private AuthMode authenticatedWith;

    public ChromiumClient(ForeignTarget target) {
        this.target = target;
        this.browser = ChromiumBrowser.forTarget(target);
    }

    /** Why Chromium cannot run here (packages absent), or null when it can. */
    public static String unavailable() {
        for (var tool : List.of(ChromiumBrowser.CHROMIUM, ChromiumBrowser.CHROMEDRIVER, ChromiumBrowser.CERTUTIL)) {
            if (!Files.isExecutable(tool)) {
                return tool + " is absent: install Debian's packages with apt-get install -y chromium chromium-driver "
                        + "libnss3-tools (.ci/run does)";
            }
        }
        return null;
    }

    /** Chromium's version, e.g. "Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)". */
    public static String version() {
        try {
            Process process = new ProcessBuilder(ChromiumBrowser.CHROMIUM.toString(), "--version")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return text.lines().reduce((a, b) -> b).orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public String id() {
        return ID;
    }

    private String finesse(String path) {
        return target.finesseBaseUri().resolve(path).toString();
    }

    private <T> Outcome<T> guarded(String what, java.util.function.Supplier<Outcome<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return Outcome.failed(what + " failed in Chromium: " + ChromiumBrowser.firstLine(e.getMessage()));
        }
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        return guarded("SystemInfo", () -> {
            Outcome<SystemReport> report = FinesseAnswers.systemInfo(reply(browser.open(
                    finesse("/finesse/api/SystemInfo"))), target.finesseBaseUri().getHost());
            if (report.succeeded()) {
                deploymentType = report.value().deploymentType();
            }
            return report;
        });
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        return guarded("UserAuthMode", () -> {
            ChromiumBrowser.Page page = browser.open(finesse(FinesseAnswers.userAuthModePath(username)));
            return FinesseAnswers.userAuthMode(reply(page), target.finesseBaseUri().getHost(), username);
        });
    }

    @Override
    public Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        this.credentials = credentials;
        this.carrier = carrier;
        return guarded("The token request", () -> {
            String query = "";
            if (carrier == UsernameCarrier.COOKIE) {
                Map<String, Object> cookie = new LinkedHashMap<>();
                cookie.put("name", "cc_username");
                cookie.put("value", URLEncoder.encode(credentials.username(), StandardCharsets.UTF_8));
                cookie.put("url", finesse("/desktop/sso/token"));
                cookie.put("path", "/desktop/sso/token");
                cookie.put("secure", true);
                browser.setCookie(cookie);
            } else {
                query = "cc_username=" + URLEncoder.encode(credentials.username(), StandardCharsets.UTF_8) + "&";
            }
            return adopt(flow(browser.open(finesse("/desktop/sso/token?" + query + "return_refresh_token=true"))));
        });
    }

    private static ApiReply reply(ChromiumBrowser.Page page) {
        return new ApiReply(page.status(), page.contentType(), page.text());
    }

    private Outcome<TokenSet> adopt(Outcome<TokenSet> outcome) {
        if (outcome.succeeded()) {
            token = outcome.value();
            authenticatedWith = AuthMode.SSO;
        }
        return outcome;
    }

    /** From a settled page to the token JSON: the login form is filled once; anything else ends the flow. */
    private Outcome<TokenSet> flow(ChromiumBrowser.Page start) {
        ChromiumBrowser.Page page = start;
        boolean submitted = false;
        for (int step = 0; step < 4; step++) {
            if (page.isJson()) {
                return readToken(page.status(), page.text());
            }
            if (!page.loginForm()) {
                return Outcome.failed("The flow stopped at " + page.url().replaceAll("\\?.*", "") + " (HTTP "
                        + page.status() + ", " + page.contentType() + ", title \"" + page.title()
                        + "\"): neither the IdP login form nor the token JSON");
            }
            if (submitted) {
                return Outcome.failed(FinesseAnswers.credentialsRefused(credentials.username(), page.errorText()));
            }
            page = browser.submitLogin(credentials.username(), credentials.password().reveal());
            submitted = true;
        }
        return Outcome.failed("The flow went on without reaching the token JSON");
    }

    /** The token JSON as the page showed it (status 0: read from the page, not from a response). */
    private Outcome<TokenSet> readToken(int status, String body) {
        Optional<JsonNode> json = FinesseAnswers.json(body);
        if (json.isEmpty()) {
            return Outcome.failed("The token response is not valid JSON (HTTP " + status + ")");
        }
        if (!json.get().isObject()) {
            return Outcome.failed("The token response is not a JSON object (HTTP " + status + ")");
        }
        if (status != 200 && status != 0 || json.get().has("error")) {
            return Outcome.failed(FinesseAnswers.tokenRefused("Finesse", status, json.get()));
        }
        return FinesseAnswers.token(json.get(), token, target.clock().instant(), false);
    }

    @Override
    public Outcome<String> resolveLoginId() {
        if (token == null && authenticatedWith != AuthMode.NON_SSO) {
            return Outcome.failed("No token yet: acquire one before resolving the loginId");
        }
        if (deploymentType == null) {
            Outcome<SystemReport> system = readSystemAuthMode();
            if (!system.succeeded()) {
                return Outcome.failed(system.failure());
            }
        }
        String userId = authenticatedWith == AuthMode.NON_SSO ? credentials.username() : token.userId();
        if (deploymentType == DeploymentType.UCCX) {
            loginId = userId;
            return Outcome.ok(loginId);
        }
        Outcome<String> found = FinesseAnswers.loginId(call("GET", FinesseAnswers.userPath(userId), null), userId);
        loginId = found.optional().orElse(loginId);
        return found;
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        return FinesseAnswers.asUser(knownLoginId(), id -> call("PUT", FinesseAnswers.userPath(id),
                FinesseAnswers.signInBody(extension)));
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        return FinesseAnswers.asUser(knownLoginId(), id -> call("GET", FinesseAnswers.userPath(id), null));
    }

    private Outcome<String> knownLoginId() {
        return loginId != null ? Outcome.ok(loginId) : resolveLoginId();
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        this.credentials = credentials;
        Outcome<SystemReport> system = readSystemAuthMode();
        if (!system.succeeded()) {
            return Outcome.failed(system.failure());
        }
        AuthMode mode = system.value().systemAuthMode();
        if (mode == AuthMode.HYBRID) {
            Outcome<AuthMode> user = readUserAuthMode(credentials.username());
            mode = user.succeeded() && user.value() == AuthMode.SSO ? AuthMode.SSO : AuthMode.NON_SSO;
        }
        return FinesseAnswers.signIn(this, mode, credentials, extension, () -> authenticatedWith = AuthMode.NON_SSO);
    }

    @Override
    public void timePassed() {
        if (token == null) {
            return;
        }
        long elapsed = Duration.between(token.obtainedAt(), target.clock().instant()).toSeconds();
        if (elapsed >= (long) Math.ceil(token.expiresInSeconds() * 0.75)) {
            refresh();
        }
    }

    /** Step 7 as a page would: a form POST of token and refresh-token; refused, one full sign-in again. */
    private Outcome<TokenSet> refresh() {
        if (token == null || !token.hasRefreshToken()) {
            return reauthenticate();
        }
        Outcome<TokenSet> refreshed = guarded("The refresh", () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", token.accessToken().reveal());
            form.put("refresh-token", token.refreshToken().reveal());
            form.put("return_refresh_token", "true");
            String query = carrier == UsernameCarrier.QUERY
                    ? "?cc_username=" + URLEncoder.encode(credentials.username(), StandardCharsets.UTF_8) : "";
            return flow(browser.postForm(finesse("/desktop/sso/token" + query), form));
        });
        if (refreshed.succeeded()) {
            token = refreshed.value();
            return refreshed;
        }
        return reauthenticate();
    }

    private Outcome<TokenSet> reauthenticate() {
        token = null;
        if (credentials == null) {
            return Outcome.failed("Cannot sign in again: no credentials known");
        }
        browser.clearCookies();
        return acquireToken(credentials, carrier);
    }

    /** A Finesse REST call with the current credentials; on a 401, one refresh (or sign-in) and one retry. */
    private Outcome<ApiReply> call(String method, String path, String xmlBody) {
        Outcome<ApiReply> reply = send(method, path, xmlBody);
        if (reply.succeeded() && reply.value().status() == 401 && authenticatedWith == AuthMode.SSO
                && refresh().succeeded()) {
            reply = send(method, path, xmlBody);
        }
        return reply;
    }

    private Outcome<ApiReply> send(String method, String path, String xmlBody) {
        return guarded(method + " " + path, () -> {
            Map<String, String> headers = new LinkedHashMap<>();
            if (authenticatedWith == AuthMode.SSO && token != null) {
                headers.put("Authorization", "Bearer " + token.accessToken().reveal());
            } else if (authenticatedWith == AuthMode.NON_SSO && credentials != null) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((credentials.username()
                        + ":" + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8)));
            }
            if (headers.isEmpty() && "GET".equals(method)) {
                ChromiumBrowser.Page page = browser.open(finesse(path));
                return Outcome.ok(new ApiReply(page.status(), page.contentType(), page.text()));
            }
            if (xmlBody != null) {
                headers.put("Content-Type", "application/xml");
            }
            String origin = target.finesseBaseUri().getScheme() + "://" + target.finesseBaseUri().getAuthority();
            if (!browser.origin().equals(origin)) {
                browser.open(finesse("/finesse/api/SystemInfo"));
            }
            return Outcome.ok(browser.fetch(method, finesse(path), headers, xmlBody));
        });
    }

    @Override
    public Outcome<PageReport> browse(URI url) {
        return guarded("Browsing " + url.getScheme() + "://" + url.getAuthority() + url.getPath(), () -> {
            ChromiumBrowser.Page page = browser.open(url.toString());
            if (page.isError()) {
                return Outcome.failed("Chromium stopped at " + page.url().replaceAll("\\?.*", "") + " with "
                        + page.errorText());
            }
            if (page.noscriptForm() && page.status() == 200) {
                return Outcome.failed("The page at " + page.url().replaceAll("\\?.*", "") + " holds a form that only "
                        + "a <noscript> button submits and no script moved it on: a person must press it");
            }
            return Outcome.ok(new PageReport(page.url(), page.status(), page.contentType(), page.title()));
        });
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        return call("GET", path, null);
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        return guarded("/desktop/sso/test", () -> {
            browser.open(finesse("/desktop/sso/test"));
            return browser.cookies().stream().filter(c -> "ssotest".equals(c.get("name"))).findFirst()
                    .map(c -> Outcome.ok(Boolean.parseBoolean(String.valueOf(c.get("value")))))
                    .orElseGet(() -> Outcome.failed("/desktop/sso/test set no ssotest cookie"));
        });
    }

    /** The embedding application restarts its browser: session cookies go, persistent ones stay. */
    @Override
    public void restart() {
        browser.cookies().stream().filter(c -> Boolean.TRUE.equals(c.get("session"))).forEach(browser::deleteCookie);
        browser.open("about:blank");
    }

    @Override
    public List<String> cookieJar() {
        try {
            return browser.cookies().stream().map(c -> c.get("name") + " (" + c.get("domain") + c.get("path")
                    + (Boolean.TRUE.equals(c.get("secure")) ? ", Secure" : "")
                    + (Boolean.TRUE.equals(c.get("httpOnly")) ? ", HttpOnly" : "")
                    + (c.get("sameSite") == null ? "" : ", SameSite=" + c.get("sameSite"))
                    + (Boolean.TRUE.equals(c.get("session")) ? ", session" : ", persistent") + ")").sorted().toList();
        } catch (RuntimeException e) {
            return List.of("(cookie jar unreadable: " + ChromiumBrowser.firstLine(e.getMessage()) + ")");
        }
    }

    @Override
    public List<Hop> hops() {
        return List.of();
    }

    @Override
    public Optional<TokenSet> currentToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public Optional<String> loginId() {
        return Optional.ofNullable(loginId);
    }

    @Override
    public void close() {
        browser.close();
    }
}
