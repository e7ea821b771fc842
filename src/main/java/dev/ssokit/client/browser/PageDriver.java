package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.Hop;
import dev.ssokit.client.PageReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;

/**
 * The reference client's page driver: one HtmlUnit browser with its connection stack (rules, limits, defects,
 * hop recorder, guard), its cookie jar and its script watch; it opens pages, lets their scripts settle, and makes
 * single exchanges. A restart gives a new browser that keeps the persistent cookies.
 */
final class PageDriver {
    private final ClientSettings settings;
    private final OperationDeadline deadline;
    private final Supplier<Credentials> credentials;
    private final List<Hop> hops = new ArrayList<>();
    private WebClient browser;
    private HopGuard guard;
    private ScriptWatch scripts;

    PageDriver(ClientSettings settings, OperationDeadline deadline, Supplier<Credentials> credentials) {
        this.settings = settings;
        this.deadline = deadline;
        this.credentials = credentials;
        this.browser = newBrowser();
    }

    private WebClient newBrowser() {
        GuardedWebClient browser = new GuardedWebClient(settings.has(Defect.IE_USER_AGENT)
                ? new BrowserVersion.BrowserVersionBuilder(BrowserVersion.BEST_SUPPORTED).setUserAgent(
                        "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko").build()
                : VariantHooks.browserVersion(settings), settings);
        WebConnection connection = VariantHooks.connection(new RulesConnection(browser,
                new CookieRules(settings, browser.jar()), new ExchangeLimits(deadline),
                WireHooks.of(settings, credentials)), settings);
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

    WebClient browser() {
        return browser;
    }

    OperationDeadline deadline() {
        return deadline;
    }

    /** Lets page scripts (auto-submit, setTimeout, location changes) finish, bounded by the script timeout. */
    Page settle(Page page) {
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

    /** One request and its answer, no page: the REST calls and the probes. */
    Outcome<ApiReply> exchange(WebRequest request) {
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
    void reopen(String address) {
        exchange(new WebRequest(url(address), HttpMethod.GET));
    }

    Outcome<PageReport> browse(URI url) {
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

    Outcome<Boolean> runSsoTest() {
        try {
            settle(browser.getPage(url("/desktop/sso/test")));
            Cookie cookie = browser.getCookieManager().getCookie("ssotest");
            return cookie == null ? Outcome.failed("/desktop/sso/test set no ssotest cookie")
                    : Outcome.ok(Boolean.parseBoolean(cookie.getValue()));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("/desktop/sso/test failed: " + describe(e));
        }
    }

    void restart() {
        List<Cookie> persistent = browser.getCookieManager().getCookies().stream()
                .filter(cookie -> cookie.getExpires() != null).toList();
        browser.close();
        browser = newBrowser();
        persistent.forEach(browser.getCookieManager()::addCookie);
    }

    List<String> cookieJar() {
        return browser.getCookieManager().getCookies().stream()
                .map(c -> c.getName() + " (" + c.getDomain() + c.getPath() + (c.isSecure() ? ", Secure" : "")
                        + (c.isHttpOnly() ? ", HttpOnly" : "") + (c.getSameSite() == null ? "" : ", SameSite="
                        + c.getSameSite()) + (c.getExpires() == null ? ", session" : ", expires " + c.getExpires()
                        .toInstant()) + ")")
                .sorted().toList();
    }

    List<Hop> hops() {
        synchronized (hops) {
            return List.copyOf(hops);
        }
    }

    /** Scripts stopped by the script limit and hops refused since the last call (for the operation's report). */
    List<String> takeNotes() {
        List<String> notes = new ArrayList<>(scripts.take());
        notes.addAll(guard.takeRefusals());
        return notes;
    }

    void close() {
        browser.close();
    }

    /** A Finesse URL from a path (or an absolute address as it is). */
    URL url(String path) {
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

    static String withoutQuery(URL url) {
        return url.getProtocol() + "://" + url.getAuthority() + url.getPath();
    }

    /** An operation's failure: the hop's own words when a guard stopped it or translated it, else the cause. */
    static String describe(Exception e) {
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

    private static URL currentPageUrl(WebClient browser) {
        Page page = browser.getCurrentWindow() == null ? null : browser.getCurrentWindow().getEnclosedPage();
        return page == null ? null : page.getUrl();
    }
}
