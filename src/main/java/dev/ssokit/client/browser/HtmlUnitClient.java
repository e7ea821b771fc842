package dev.ssokit.client.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.Defect;
import dev.ssokit.client.PageReport;
import dev.ssokit.client.SignedIn;
import dev.ssokit.client.SystemReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.htmlunit.util.NameValuePair;

/**
 * The reference thick client: HtmlUnit follows the redirects, keeps one cookie jar across hosts and runs the page
 * scripts, as Cisco asks of thick clients; this class adds the procedure around it (auth modes, cc_username,
 * IdP login, loginId, refresh at 75 %). Switched {@link Defect}s turn it into a broken twin, one defect each.
 */
public final class HtmlUnitClient implements ClientUnderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_ID = Pattern.compile("<loginId>\\s*([^<]+?)\\s*</loginId>");
    private static final Pattern ELEMENT = Pattern.compile("<(systemAuthMode|deploymentType|authMode)>\\s*([^<]*?)\\s*</\\1>");
    private static final int MAX_PAGES_IN_FLOW = 12;
    private static final String UNREADABLE_USER_AUTH_MODE = "UserAuthMode could not be read";

    private final ClientSettings settings;
    private final java.util.List<dev.ssokit.client.Hop> hops = new java.util.ArrayList<>();
    private WebClient browser;
    private Credentials credentials;
    private UsernameCarrier carrier = UsernameCarrier.QUERY;
    private TokenSet token;
    private String loginId;
    private DeploymentType deploymentType;
    private AuthMode authenticatedWith;
    private final OperationDeadline deadline;
    private HopGuard guard;
    private ScriptWatch scripts;
    private final TokenLifecycle lifecycle;

    public HtmlUnitClient(ClientSettings settings) {
        this.settings = settings;
        this.deadline = new OperationDeadline(settings.limits());
        this.lifecycle = new TokenLifecycle(settings);
        this.browser = newBrowser();
    }

    private WebClient newBrowser() {
        GuardedWebClient browser = new GuardedWebClient(settings.has(Defect.IE_USER_AGENT)
                ? new BrowserVersion.BrowserVersionBuilder(BrowserVersion.BEST_SUPPORTED).setUserAgent(
                        "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko").build()
                : VariantHooks.browserVersion(settings), settings);
        org.htmlunit.WebConnection connection = VariantHooks.connection(new RulesConnection(browser,
                new CookieRules(settings, browser.jar()), new ExchangeLimits(deadline),
                WireHooks.of(settings, () -> credentials)), settings);
        connection = FlowDefects.needed(settings) ? new FlowDefects(connection, settings) : connection;
        VariantHooks.configure(browser, settings);
        guard = new HopGuard(new HopRecorder(DefectiveRedirects.needed(settings)
                ? new DefectiveRedirects(connection, settings) : connection, hops), settings, deadline,
                () -> currentPageUrl(browser));
        browser.setWebConnection(guard);
        scripts = ScriptWatch.install(browser, settings.limits(), guard);
        browser.getOptions().setRedirectEnabled(!settings.has(Defect.NO_REDIRECTS));
        if (settings.has(Defect.NO_META_REFRESH)) {
            browser.setRefreshHandler((page, url, seconds) -> { });
        }
        browser.getOptions().setSSLContext(settings.tls());
        browser.getOptions().setJavaScriptEnabled(!settings.has(Defect.NO_JAVASCRIPT));
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setDownloadImages(false);
        browser.getOptions().setThrowExceptionOnScriptError(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setPrintContentOnFailingStatusCode(false);
        browser.getOptions().setTimeout((int) Math.min(settings.limits().connectTimeout().toMillis(),
                settings.limits().readTimeout().toMillis()));
        browser.getCookieManager().setCookiesEnabled(!settings.has(Defect.NO_COOKIES));
        return browser;
    }

    @Override
    public String id() {
        return settings.defects().isEmpty() ? "reference"
                : settings.defects().stream().map(Defect::id).sorted().reduce((a, b) -> a + "+" + b).orElseThrow();
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        Outcome<ApiReply> reply = exchange(systemInfoRequest(false));
        if (reply.succeeded() && reply.value().status() == 401 && (credentials != null || token != null)) {
            reply = exchange(systemInfoRequest(true)); // VPN-less reverse proxy: SystemInfo wants credentials (F17)
        }
        if (!reply.succeeded()) {
            return Outcome.failed(reply.failure());
        }
        if (reply.value().status() != 200) {
            return Outcome.failed("SystemInfo answered HTTP " + reply.value().status() + ", not 200");
        }
        try {
            AuthMode mode = AuthMode.parse(element(reply.value().body(), "systemAuthMode"));
            deploymentType = DeploymentType.parse(element(reply.value().body(), "deploymentType"));
            return Outcome.ok(new SystemReport(mode, deploymentType));
        } catch (IllegalArgumentException e) {
            return Outcome.failed("SystemInfo could not be read (GET host " + settings.finesseBaseUri().getHost()
                    + " path /finesse/api/SystemInfo answered HTTP 200): " + e.getMessage() + "; stopped before "
                    + "sending any credentials");
        }
    }

    private WebRequest systemInfoRequest(boolean retryAfter401) {
        WebRequest request = new WebRequest(url("/finesse/api/SystemInfo"), HttpMethod.GET);
        VariantHooks.systemInfoCredentials(request, retryAfter401, credentials, token, settings);
        return request;
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        Outcome<ApiReply> reply = exchange(new WebRequest(url("/finesse/api/UserAuthMode/" + pathSegment(username)),
                HttpMethod.GET));
        if (!reply.succeeded()) {
            return Outcome.failed(reply.failure());
        }
        if (reply.value().status() != 200) {
            return Outcome.failed("UserAuthMode answered HTTP " + reply.value().status()
                    + ": treating the user as unable to use SSO");
        }
        try {
            return Outcome.ok(AuthMode.parse(element(reply.value().body(), "authMode")));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(UNREADABLE_USER_AUTH_MODE + " (GET host " + settings.finesseBaseUri().getHost()
                    + " path /finesse/api/UserAuthMode/" + pathSegment(username) + " answered HTTP 200): "
                    + e.getMessage());
        }
    }

    @Override
    public Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        this.credentials = credentials;
        this.carrier = carrier;
        String path = "/desktop/sso/token?";
        if (!settings.has(Defect.NO_CC_USERNAME)) {
            if (carrier == UsernameCarrier.COOKIE || VariantHooks.usernameCookieToo(settings)) {
                seedUsernameCookie(credentials.username());
            }
            if (carrier != UsernameCarrier.COOKIE) {
                path += "cc_username=" + encodeUsername(credentials.username()) + "&";
            }
        }
        try {
            Page first = browser.getPage(url((path + lifecycle.refreshTokenRequest()).replaceFirst("[?&]$", "")));
            return adopt(driveToToken(first));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("The token request failed before the flow completed: " + describe(e));
        }
    }

    private void seedUsernameCookie(String username) {
        URL base = url("/");
        browser.getCookieManager().addCookie(new Cookie(VariantHooks.usernameCookieDomain(base.getHost(), settings),
                "cc_username", encodeUsername(username), VariantHooks.usernameCookiePath(settings), null, true, false));
    }

    private String encodeUsername(String username) {
        return settings.has(Defect.RAW_CC_USERNAME) ? username : VariantHooks.encodeUsername(username, settings);
    }

    private Outcome<TokenSet> adopt(Outcome<TokenSet> outcome) {
        if (outcome.succeeded()) {
            token = outcome.value();
            lifecycle.adopted(token);
            authenticatedWith = AuthMode.SSO;
        }
        return outcome;
    }

    /** Runs the browser part of the flow from a first page to the terminal token JSON (or a clear failure). */
    private Outcome<TokenSet> driveToToken(Page start) throws IOException {
        Page page = start;
        boolean credentialsSubmitted = false;
        dev.ssokit.client.idp.PresetFlow presets = new dev.ssokit.client.idp.PresetFlow(
                settings.idpLoginForm().presets(), settings.defects());
        for (int step = 0; step < MAX_PAGES_IN_FLOW; step++) {
            page = settle(page);
            WebResponse response = page.getWebResponse();
            if (isJson(response) && !settings.has(Defect.RENDERS_TOKEN_JSON)) {
                if (settings.has(Defect.EXPECTS_LOGIN_FORM) && !credentialsSubmitted && credentials != null) {
                    return Outcome.failed("The IdP showed no login form to fill");
                }
                return readTokenResponse(response);
            }
            dev.ssokit.client.idp.PresetFlow.Next next = presets.advance(page, credentials, this::submitLogin);
            if (next.failure() != null) {
                return Outcome.failed(next.failure());
            }
            if (next.page() != null) {
                page = next.page();
                credentialsSubmitted = true;
                continue;
            }
            if (page instanceof HtmlPage html) {
                Optional<HtmlForm> login = loginForm(html);
                if (login.isPresent()) {
                    if (credentialsSubmitted) {
                        return Outcome.failed("The IdP did not accept the credentials of '" + credentials.username()
                                + "': it showed its login page again" + errorText(html).map(t -> " saying \"" + t + "\"")
                                .orElse("") + " (" + withoutQuery(response.getWebRequest().getUrl()) + ")");
                    }
                    if (credentials == null) {
                        return Outcome.failed("The flow reached the IdP login page, but no credentials are known");
                    }
                    page = submitLogin(login.get(), settings.idpLoginForm().usernameField(),
                            settings.idpLoginForm().passwordField(), null);
                    credentialsSubmitted = true;
                    continue;
                }
                return Outcome.failed((response.getStatusCode() >= 400 ? refuser(response) + " refused the flow. " : "")
                        + "The flow stopped on an HTML page at "
                        + withoutQuery(response.getWebRequest().getUrl()) + " (HTTP " + response.getStatusCode()
                        + ", title \"" + html.getTitleText() + "\"): it is neither the IdP login form nor the token "
                        + "JSON, and nothing moved on from it" + refusal(html) + presets.unknownPage(html));
            }
            return Outcome.failed("The flow ended on HTTP " + response.getStatusCode() + " " + response.getContentType()
                    + " at " + withoutQuery(response.getWebRequest().getUrl()) + ", not on the token JSON");
        }
        return Outcome.failed("The flow went through more than " + MAX_PAGES_IN_FLOW + " pages without a token");
    }

    /** Lets page scripts (auto-submit, setTimeout, location changes) finish, bounded by the script timeout. */
    private Page settle(Page page) {
        if (settings.has(Defect.NO_WAIT_FOR_TIMERS)) {
            return page;
        }
        long deadline = System.nanoTime() + this.deadline.boundMillis(settings.scriptTimeout()) * 1_000_000L;
        Page current = page;
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            browser.waitForBackgroundJavaScript(left);
            Page now = current.getEnclosingWindow().getEnclosedPage();
            if (now == current || left == 0) {
                return now;
            }
            current = now;
        }
    }

    private Optional<HtmlForm> loginForm(HtmlPage html) {
        for (HtmlForm form : html.getForms()) {
            if (!form.getInputsByName(settings.idpLoginForm().usernameField()).isEmpty()
                    && !form.getInputsByName(settings.idpLoginForm().passwordField()).isEmpty()) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    private Page submitLogin(HtmlForm form, String usernameField, String passwordField, String clickSelector)
            throws IOException {
        // S1: the password goes only over https, to the origin that served the login page (presets included)
        Optional<String> refused = settings.has(Defect.POSTS_PASSWORD_ANYWHERE) ? Optional.empty()
                : LoginFormPolicy.refusal(form, credentials.username());
        if (refused.isPresent()) {
            throw new HopStopped(refused.get());
        }
        if (settings.has(Defect.IGNORES_FORM_ACTION)) {
            WebRequest post = new WebRequest(form.getPage().getUrl(), HttpMethod.POST);
            post.setRequestParameters(List.of(
                    new NameValuePair(usernameField, credentials.username()),
                    new NameValuePair(passwordField, credentials.password().reveal())));
            return browser.getPage(post);
        }
        HtmlInput user = form.getInputByName(usernameField);
        HtmlInput password = form.getInputByName(passwordField);
        user.setValue(credentials.username());
        password.setValue(credentials.password().reveal());
        List<HtmlElement> buttons = form.getElementsByAttribute("input", "type", "submit");
        if (buttons.isEmpty()) {
            buttons = form.getElementsByAttribute("button", "type", "submit");
        }
        if (buttons.isEmpty() && form.getPage().getElementById("submitButton") instanceof HtmlElement adfsButton) {
            buttons = List.of(adfsButton);
        }
        if (!buttons.isEmpty()) {
            return buttons.get(0).click();
        }
        form.submit(null);
        return form.getPage().getEnclosingWindow().getEnclosedPage();
    }

    /** What an error page (HTTP 4xx/5xx) says, so the report names who refused and why. */
    private static String refusal(HtmlPage html) {
        int status = html.getWebResponse().getStatusCode();
        if (status < 400) {
            return "";
        }
        String text = html.getBody() == null ? "" : html.getBody().asNormalizedText().replaceAll("\\s+", " ").trim();
        return "; the server refused with HTTP " + status + ": \"" + (text.length() > 300 ? text.substring(0, 300) + "..."
                : text) + "\"";
    }

    private Optional<String> errorText(HtmlPage html) {
        DomElement error = html.getElementById(settings.idpLoginForm().errorElementId());
        return error == null ? Optional.empty() : Optional.of(error.asNormalizedText().trim()).filter(t -> !t.isEmpty());
    }

    private Outcome<TokenSet> readTokenResponse(WebResponse response) {
        String body = response.getContentAsString();
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return Outcome.failed("The token response is not valid JSON (HTTP " + response.getStatusCode() + " from "
                    + withoutQuery(response.getWebRequest().getUrl()) + ")");
        }
        if (response.getStatusCode() != 200) {
            return Outcome.failed(refuser(response) + " refused the token request: HTTP " + response.getStatusCode() + " "
                    + json.path("error").asText("") + ": " + json.path("error_description").asText(""));
        }
        boolean lenient = settings.has(Defect.ACCEPTS_INCOMPLETE_TOKEN_RESPONSE);
        for (String field : List.of("token", "expires_in", "user_id")) {
            if (!lenient && (!json.hasNonNull(field) || json.get(field).asText().isBlank())) {
                return Outcome.failed("The token response lacks \"" + field + "\": fields present "
                        + fieldNames(json));
            }
        }
        long expiresIn = json.path("expires_in").asLong(0);
        if (!lenient && expiresIn <= 0) {
            return Outcome.failed("The token response has no positive expires_in: fields present " + fieldNames(json));
        }
        Secret refresh = json.hasNonNull("refresh_token") ? Secret.of(json.get("refresh_token").asText()) : null;
        if (refresh == null && token != null && token.hasRefreshToken()) {
            refresh = token.refreshToken();
        }
        return Outcome.ok(new TokenSet(Secret.of(json.path("token").asText("")), refresh, expiresIn,
                json.path("user_id").asText(""), json.path("realm").asText(""),
                json.path("user_principal").asText(""), settings.clock().instant()));
    }

    /** Who answered the refusal: IdS (its paths live under /ids/), or Finesse. */
    private static String refuser(WebResponse response) {
        return response.getWebRequest().getUrl().getPath().startsWith("/ids/") ? "IdS" : "Finesse";
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
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
        String userId = authenticatedWith == AuthMode.NON_SSO ? credentials.username() : lifecycle.lookupId(token);
        if (deploymentType == DeploymentType.UCCX || settings.has(Defect.LOGIN_NAME_AS_LOGIN_ID)) {
            loginId = userId;
            return Outcome.ok(loginId);
        }
        Outcome<ApiReply> reply = callFinesse(HttpMethod.GET, "/finesse/api/User/"
                + lifecycle.lookupSegment(userId, pathSegment(userId)), null);
        if (!reply.succeeded()) {
            return Outcome.failed(reply.failure());
        }
        Matcher matcher = LOGIN_ID.matcher(reply.value().body());
        if (reply.value().status() != 200 || !matcher.find()) {
            return Outcome.failed("GET /finesse/api/User/" + userId + " answered HTTP " + reply.value().status()
                    + " without a loginId");
        }
        loginId = matcher.group(1);
        return Outcome.ok(loginId);
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        if (loginId == null) {
            Outcome<String> resolved = resolveLoginId();
            if (!resolved.succeeded()) {
                return Outcome.failed(resolved.failure());
            }
        }
        return callFinesse(HttpMethod.PUT, "/finesse/api/User/" + pathSegment(loginId),
                "<User><state>LOGIN</state><extension>" + extension + "</extension></User>");
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        if (loginId == null) {
            Outcome<String> resolved = resolveLoginId();
            if (!resolved.succeeded()) {
                return Outcome.failed(resolved.failure());
            }
        }
        return callFinesse(HttpMethod.GET, "/finesse/api/User/" + pathSegment(loginId), null);
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        this.credentials = credentials;
        Outcome<SystemReport> system = readSystemAuthMode();
        if (!system.succeeded()) {
            return Outcome.failed(system.failure());
        }
        AuthMode mode = settings.has(Defect.SSO_ON_NON_SSO_SYSTEM) ? AuthMode.SSO : system.value().systemAuthMode();
        if (mode == AuthMode.HYBRID) {
            if (settings.has(Defect.SKIPS_USER_AUTH_MODE_ON_HYBRID)) {
                mode = AuthMode.SSO;
            } else {
                Outcome<AuthMode> user = readUserAuthMode(credentials.username());
                if (!user.succeeded() && user.failure().startsWith(UNREADABLE_USER_AUTH_MODE)
                        && !settings.has(Defect.BASIC_ON_UNREADABLE_USER_AUTH_MODE)) {
                    return Outcome.failed(user.failure() + "; stopped (S4): an unreadable answer never decides "
                            + "which credentials the client sends, so none were sent");
                }
                mode = user.succeeded() && user.value() == AuthMode.SSO ? AuthMode.SSO : AuthMode.NON_SSO;
            }
        } else if (mode == AuthMode.SSO && settings.has(Defect.CALLS_USER_AUTH_MODE_ON_SSO)) {
            readUserAuthMode(credentials.username());
        }
        if (mode == AuthMode.NON_SSO) {
            authenticatedWith = AuthMode.NON_SSO;
        } else {
            Outcome<TokenSet> acquired = acquireToken(credentials, UsernameCarrier.QUERY);
            if (!acquired.succeeded()) {
                return Outcome.failed(acquired.failure());
            }
        }
        Outcome<String> resolved = resolveLoginId();
        if (!resolved.succeeded()) {
            return Outcome.failed(resolved.failure());
        }
        Outcome<ApiReply> signIn = signInToExtension(extension);
        if (!signIn.succeeded()) {
            return Outcome.failed(signIn.failure());
        }
        return Outcome.ok(new SignedIn(authenticatedWith, loginId, signIn.value().status()));
    }

    @Override
    public void timePassed() {
        if (VariantHooks.heartbeat(settings) && deploymentType != null) {
            readSystemAuthMode();
        }
        if (token == null || settings.has(Defect.NEVER_REFRESH)) {
            return;
        }
        long due = settings.has(Defect.REFRESH_AFTER_EXPIRY)
                ? token.expiresInSeconds() + 1 : VariantHooks.refreshDue(token.expiresInSeconds(), settings);
        if (lifecycle.due(token, settings.clock().instant(), due)) {
            refresh();
        }
    }

    /** Step 7: POST /desktop/sso/token with token + refresh-token; on refusal, one full sign-in again. */
    private Outcome<TokenSet> refresh() {
        if (token == null || !token.hasRefreshToken()) {
            return reauthenticate("no refresh token held");
        }
        TokenSet before = token;
        Outcome<TokenSet> refreshed;
        WebRequest request;
        try {
            request = VariantHooks.refreshRequest(url("/"), encodeUsername(credentials.username()),
                    carrier == UsernameCarrier.QUERY, token, lifecycle.postedAccessToken(token), settings);
        } catch (IOException e) {
            return Outcome.failed("Cannot build the refresh request: " + describe(e));
        }
        boolean follow = browser.getOptions().isRedirectEnabled();
        try {
            browser.getOptions().setRedirectEnabled(follow && !settings.has(Defect.REFRESH_IGNORES_REDIRECT));
            refreshed = driveToToken(browser.getPage(request));
        } catch (IOException | RuntimeException e) {
            refreshed = Outcome.failed("The refresh request failed: " + describe(e));
        } finally {
            browser.getOptions().setRedirectEnabled(follow);
        }
        if (refreshed.succeeded()) {
            TokenSet fresh = refreshed.value();
            if (settings.has(Defect.IGNORE_ROTATED_REFRESH_TOKEN) || !fresh.hasRefreshToken()) {
                fresh = new TokenSet(fresh.accessToken(), before.refreshToken(), fresh.expiresInSeconds(),
                        fresh.userId(), fresh.realm(), fresh.userPrincipal(), fresh.obtainedAt());
            }
            token = fresh;
            lifecycle.refreshed();
            return Outcome.ok(fresh);
        }
        if (settings.has(Defect.NO_REAUTH_AFTER_REFRESH_REFUSED)) {
            token = null;
            return refreshed;
        }
        return reauthenticate(refreshed.failure());
    }

    private Outcome<TokenSet> reauthenticate(String why) {
        token = null;
        if (credentials == null) {
            return Outcome.failed("Cannot sign in again (" + why + "): no credentials known");
        }
        if (!VariantHooks.keepSessionsOnReauthentication(settings)) {
            browser.getCookieManager().clearCookies();
        }
        lifecycle.reauthenticating();
        lifecycle.authcodeToReopen(hops()).ifPresent(this::reopen);
        return acquireToken(credentials, carrier);
    }

    /** A Finesse REST call with the current credentials; on a 401, one refresh (or re-sign-in) and one retry. */
    private Outcome<ApiReply> callFinesse(HttpMethod method, String path, String xmlBody) {
        int attempts = settings.has(Defect.REFRESH_STORM_ON_401) ? 10 : 2;
        Outcome<ApiReply> reply = Outcome.failed("not sent");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            reply = exchange(authorised(method, path, xmlBody));
            if (!reply.succeeded() || reply.value().status() != 401 || authenticatedWith != AuthMode.SSO
                    || attempt == attempts) {
                return reply;
            }
            Outcome<TokenSet> renewed = refresh();
            if (!renewed.succeeded()) {
                return reply;
            }
        }
        return reply;
    }

    private WebRequest authorised(HttpMethod method, String path, String xmlBody) {
        boolean sso = authenticatedWith == AuthMode.SSO && token != null;
        String target = path;
        if (sso && settings.has(Defect.TOKEN_IN_QUERY)) {
            target += (path.contains("?") ? "&" : "?") + "access_token=" + token.accessToken().reveal();
        }
        WebRequest request = new WebRequest(url(target), method);
        if (sso && !settings.has(Defect.TOKEN_IN_QUERY)) {
            request.setAdditionalHeader("Authorization", "Bearer " + lifecycle.bearer(token).reveal());
        } else if (authenticatedWith == AuthMode.NON_SSO && credentials != null) {
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

    private Outcome<ApiReply> exchange(WebRequest request) {
        try {
            WebResponse response = browser.loadWebResponse(request);
            return Outcome.ok(new ApiReply(response.getStatusCode(), response.getContentType(),
                    response.getContentAsString()));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(request.getHttpMethod() + " " + withoutQuery(request.getUrl()) + " failed: "
                    + describe(e));
        }
    }

    /** Only for a broken twin: opens an old URL again, whatever it answers. */
    private void reopen(String address) {
        exchange(new WebRequest(url(address), HttpMethod.GET));
    }

    @Override
    public Outcome<PageReport> browse(java.net.URI url) {
        try {
            Page page = settle(browser.getPage(url.toURL()));
            WebResponse response = page.getWebResponse();
            String finalUrl = page.getUrl().toString();
            if (url.getRawFragment() != null && page.getUrl().getRef() == null) {
                finalUrl += "#" + url.getRawFragment();
            }
            if (page instanceof HtmlPage html) {
                if (html.getForms().size() > 0 && response.getContentAsString().contains("<noscript")
                        && response.getStatusCode() == 200) {
                    return Outcome.failed("The page at " + withoutQuery(page.getUrl()) + " holds a form that only a "
                            + "<noscript> button submits and no script moved it on: a person must press it");
                }
                return Outcome.ok(new PageReport(finalUrl, response.getStatusCode(), response.getContentType(),
                        html.getTitleText()));
            }
            return Outcome.ok(new PageReport(finalUrl, response.getStatusCode(), response.getContentType(), ""));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("Browsing " + url.getScheme() + "://" + url.getAuthority() + url.getPath()
                    + " failed: " + describe(e));
        }
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        return callFinesse(HttpMethod.GET, path, null);
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        try {
            settle(browser.getPage(url("/desktop/sso/test")));
            Cookie cookie = browser.getCookieManager().getCookie("ssotest");
            return cookie == null ? Outcome.failed("/desktop/sso/test set no ssotest cookie")
                    : Outcome.ok(Boolean.parseBoolean(cookie.getValue()));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("/desktop/sso/test failed: " + describe(e));
        }
    }

    @Override
    public void restart() {
        java.util.List<Cookie> persistent = browser.getCookieManager().getCookies().stream()
                .filter(cookie -> cookie.getExpires() != null).toList();
        browser.close();
        browser = newBrowser();
        persistent.forEach(browser.getCookieManager()::addCookie);
    }

    @Override
    public java.util.List<String> cookieJar() {
        return browser.getCookieManager().getCookies().stream()
                .map(c -> c.getName() + " (" + c.getDomain() + c.getPath() + (c.isSecure() ? ", Secure" : "")
                        + (c.isHttpOnly() ? ", HttpOnly" : "") + (c.getSameSite() == null ? "" : ", SameSite="
                        + c.getSameSite()) + (c.getExpires() == null ? ", session" : ", expires " + c.getExpires()
                        .toInstant()) + ")")
                .sorted().toList();
    }

    @Override
    public java.util.List<dev.ssokit.client.Hop> hops() {
        synchronized (hops) {
            return java.util.List.copyOf(hops);
        }
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

    OperationDeadline deadline() {
        return deadline;
    }

    /** Scripts stopped by the script limit and hops refused since the last call (for the operation's report). */
    List<String> takeNotes() {
        List<String> notes = new java.util.ArrayList<>(scripts.take());
        notes.addAll(guard.takeRefusals());
        return notes;
    }

    private static URL currentPageUrl(WebClient browser) {
        Page page = browser.getCurrentWindow() == null ? null : browser.getCurrentWindow().getEnclosedPage();
        return page == null ? null : page.getUrl();
    }

    private URL url(String path) {
        if (path.startsWith("https://") || path.startsWith("http://")) {
            try {
                return new URL(path);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        try {
            return settings.finesseBaseUri().resolve(path).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot build a Finesse URL from '" + path + "': " + e.getMessage(), e);
        }
    }

    private static boolean isJson(WebResponse response) {
        String type = response.getContentType();
        return type != null && type.toLowerCase().contains("json");
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

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withoutQuery(URL url) {
        return url.getProtocol() + "://" + url.getAuthority() + url.getPath();
    }

    /** An operation's failure: the hop's own words when a guard stopped it or translated it, else the cause. */
    private String describe(Exception e) {
        HopStopped stopped = NetworkFailures.find(e, HopStopped.class);
        if (stopped != null) {
            return stopped.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
