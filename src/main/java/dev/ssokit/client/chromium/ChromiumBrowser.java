package dev.ssokit.client.chromium;

import dev.ssokit.client.ForeignTarget;
import dev.ssokit.model.ApiReply;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through chromedriver (Selenium): trusts exactly the target's CA (an NSS
 * database in a temporary HOME, made with certutil), resolves the target's names to loopback
 * (--host-resolver-rules), and offers what a thick client embedding a browser does: open a page and let it settle,
 * post a form, run a same-origin fetch, read and drop cookies (CDP).
 */
final class ChromiumBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    /** A page is settled when its document and URL stayed the same this long (covers timers of the lab pages). */
    private static final long QUIET_MILLIS = 700;

    /** What the current document is: where, what status and type, its text, and whether it is the IdP login. */
    record Page(String url, int status, String contentType, String text, String title, boolean loginForm,
                String errorText, boolean noscriptForm) {
        boolean isError() {
            return contentType.equals("chrome-error");
        }

        boolean isJson() {
            return contentType.contains("json");
        }
    }

    private static ChromiumBrowser shared;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Duration deadline;
    private final Path caPem;
    private final Path folder;

    /**
     * One browser per target for the whole run (starting Chromium takes seconds); each client gets it with no
     * cookies, no cache and a blank page, as a freshly started application would.
     */
    static synchronized ChromiumBrowser forTarget(ForeignTarget target) {
        if (shared != null && !shared.caPem.equals(target.caPem())) {
            shared.quit();
            shared = null;
        }
        if (shared == null) {
            shared = new ChromiumBrowser(target);
            ChromiumBrowser started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "chromium-shutdown"));
        }
        shared.reset();
        return shared;
    }

    private ChromiumBrowser(ForeignTarget target) {
        this.deadline = target.deadline();
        this.caPem = target.caPem();
        try {
            this.folder = Files.createTempDirectory("finesse-sso-kit-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make a folder for Chromium's profile: " + e.getMessage(), e);
        }
        Path home = folder.resolve("home");
        try {
            Path nss = home.resolve(".pki").resolve("nssdb");
            Files.createDirectories(nss);
            run(List.of(CERTUTIL.toString(), "-d", "sql:" + nss, "-N", "--empty-password"));
            run(List.of(CERTUTIL.toString(), "-d", "sql:" + nss, "-A", "-t", "C,,", "-n", "finesse-sso-kit-stub-ca",
                    "-i", target.caPem().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make Chromium's NSS trust store under " + home + ": "
                    + e.getMessage(), e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,Translate,OptimizationHints",
                "--user-data-dir=" + folder.resolve("profile"),
                "--host-resolver-rules=" + target.hostResolverRules() + ", EXCLUDE localhost");
        if ("root".equals(ProcessHandle.current().info().user().orElse(""))) {
            options.addArguments("--no-sandbox");
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().withEnvironment(Map.of("HOME", home.toString())).withSilent(true).build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            service.stop();
            throw new IllegalStateException("Chromium did not start: " + firstLine(e.getMessage()), e);
        }
        driver.manage().timeouts().scriptTimeout(deadline).pageLoadTimeout(deadline);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Opens a URL as a typed address and waits until the page settles (or, in a flow, is the JSON or login). */
    Page open(String url) {
        driver.get(url);
        return settle();
    }

    /** Waits for the document to stop changing: scripts, timers, meta refreshes and auto-submits have run. */
    Page settle() {
        long until = System.nanoTime() + deadline.toNanos();
        String lastUrl = null;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < until) {
            Object state;
            try {
                state = js().executeScript("var fresh = !window.__kitSeen; window.__kitSeen = true;"
                        + " return [fresh, document.readyState, location.href, document.contentType || ''];");
            } catch (WebDriverException e) {
                state = null;
            }
            if (state instanceof List<?> list) {
                boolean fresh = Boolean.TRUE.equals(list.get(0));
                String url = String.valueOf(list.get(2));
                boolean complete = "complete".equals(list.get(1));
                if (fresh || !url.equals(lastUrl) || !complete) {
                    quietSince = System.nanoTime();
                    lastUrl = url;
                } else {
                    String type = String.valueOf(list.get(3));
                    long quiet = (System.nanoTime() - quietSince) / 1_000_000;
                    boolean terminal = url.startsWith("chrome-error:") || (!type.isEmpty() && !type.contains("html"))
                            || loginFormShown();
                    if ((terminal && quiet >= 100) || quiet >= QUIET_MILLIS) {
                        return page();
                    }
                }
            }
            sleep(50);
        }
        return page();
    }

    private boolean loginFormShown() {
        try {
            return Boolean.TRUE.equals(js().executeScript("return !!(document.querySelector('input[name=UserName]')"
                    + " && document.querySelector('input[name=Password]'));"));
        } catch (WebDriverException e) {
            return false;
        }
    }

    Page page() {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) js().executeScript(
                "var nav = performance.getEntriesByType('navigation')[0];"
                + "var form = document.querySelector('input[name=UserName]') && document.querySelector('input[name=Password]');"
                + "var err = document.getElementById('errorText');"
                + "var xml = document.contentType && document.contentType.indexOf('xml') >= 0 && document.contentType.indexOf('html') < 0;"
                + "return {status: nav && nav.responseStatus ? nav.responseStatus : 0, type: document.contentType || '',"
                + " text: xml ? new XMLSerializer().serializeToString(document) : (document.body ? document.body.innerText : ''),"
                + " title: document.title || '', login: !!form, error: err ? err.innerText : '',"
                + " noscript: document.forms.length > 0 && document.getElementsByTagName('noscript').length > 0};");
        if (String.valueOf(js().executeScript("return location.href;")).startsWith("chrome-error:")) {
            String error = String.valueOf(js().executeScript("return document.body ? document.body.innerText : '';"));
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("ERR_[A-Z_]+").matcher(error);
            return new Page(driver.getCurrentUrl(), 0, "chrome-error", error, "", false,
                    code.find() ? code.group() : "a network error", false);
        }
        return new Page(driver.getCurrentUrl(), ((Number) info.get("status")).intValue(), String.valueOf(info.get("type")),
                String.valueOf(info.get("text")), String.valueOf(info.get("title")), Boolean.TRUE.equals(info.get("login")),
                String.valueOf(info.get("error")).trim(), Boolean.TRUE.equals(info.get("noscript")));
    }

    /** Types the credentials into the IdP's form and presses its submit button, as a person would. */
    Page submitLogin(String username, String password) {
        driver.findElement(org.openqa.selenium.By.name("UserName")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.name("Password")).sendKeys(password);
        List<org.openqa.selenium.WebElement> buttons = driver.findElements(org.openqa.selenium.By.cssSelector(
                "form [type=submit]"));
        if (buttons.isEmpty()) {
            js().executeScript("document.querySelector('input[name=Password]').form.submit();");
        } else {
            buttons.get(0).click();
        }
        return settle();
    }

    /** A form POST navigation from the current document (what a page's own form does). */
    Page postForm(String action, Map<String, String> fields) {
        js().executeScript("var f = document.createElement('form'); f.method = 'POST'; f.action = arguments[0];"
                + "var fields = arguments[1]; for (var k in fields) { var i = document.createElement('input');"
                + " i.type = 'hidden'; i.name = k; i.value = fields[k]; f.appendChild(i); }"
                + "document.documentElement.appendChild(f); f.submit();", action, fields);
        sleep(50);
        return settle();
    }

    /** fetch() from the current document (same origin as the Finesse page it is on). */
    ApiReply fetch(String method, String url, Map<String, String> headers, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) js().executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch(arguments[1], {method: arguments[0], headers: arguments[2], body: arguments[3],"
                + " credentials: 'include', redirect: 'follow', cache: 'no-store'})"
                + ".then(function (r) { return r.text().then(function (t) {"
                + " done({status: r.status, type: r.headers.get('content-type') || '', body: t}); }); })"
                + ".catch(function (e) { done({error: String(e)}); });", method, url, headers, body);
        if (reply.containsKey("error")) {
            throw new IllegalStateException(method + " " + url.replaceAll("\\?.*", "") + " failed in Chromium: "
                    + reply.get("error"));
        }
        return new ApiReply(((Number) reply.get("status")).intValue(), String.valueOf(reply.get("type")),
                String.valueOf(reply.get("body")));
    }

    String origin() {
        return String.valueOf(js().executeScript("return location.origin;"));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cookies() {
        Map<String, Object> all = driver.executeCdpCommand("Network.getAllCookies", Map.of());
        return new ArrayList<>((List<Map<String, Object>>) all.getOrDefault("cookies", List.of()));
    }

    void setCookie(Map<String, Object> cookie) {
        driver.executeCdpCommand("Network.setCookie", cookie);
    }

    void deleteCookie(Map<String, Object> cookie) {
        driver.executeCdpCommand("Network.deleteCookies", Map.of("name", cookie.get("name"), "domain",
                cookie.get("domain"), "path", cookie.get("path")));
    }

    void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Back to a fresh start: no cookies, nothing cached, a blank page. */
    void reset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.get("about:blank");
    }

    /** The client is done: the shared browser is reset for the next one (it quits when the JVM ends). */
    @Override
    public void close() {
        try {
            reset();
        } catch (RuntimeException e) {
            synchronized (ChromiumBrowser.class) {
                quit();
                if (shared == this) {
                    shared = null;
                }
            }
        }
    }

    synchronized void quit() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        } finally {
            service.stop();
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile folder holds only throw-away cookies of a stub world that is gone
            }
        }
    }
}
