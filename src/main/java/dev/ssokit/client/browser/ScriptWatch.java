package dev.ssokit.client.browser;

import dev.ssokit.client.Limits;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.htmlunit.websocket.JettyWebSocketAdapter;
import org.htmlunit.websocket.WebSocketAdapter;
import org.htmlunit.websocket.WebSocketListener;

/**
 * Page scripts under the {@link Limits}: one script run (timer callbacks included) is stopped by HtmlUnit's
 * JavaScript timeout, and this listener keeps what was stopped so the operation can report it; WebSockets pass
 * the {@link HopGuard}'s mixed-content rule before they connect.
 */
final class ScriptWatch implements JavaScriptErrorListener {
    private final List<String> stopped = new ArrayList<>();
    private final Limits limits;

    private ScriptWatch(Limits limits) {
        this.limits = limits;
    }

    static ScriptWatch install(WebClient browser, Limits limits, HopGuard guard) {
        ScriptWatch watch = new ScriptWatch(limits);
        browser.setJavaScriptTimeout(limits.scriptRun().toMillis());
        browser.setJavaScriptErrorListener(watch);
        JettyWebSocketAdapter.JettyWebSocketAdapterFactory jetty = new JettyWebSocketAdapter.JettyWebSocketAdapterFactory();
        browser.setWebSocketAdapter((client, listener) -> guarded(jetty.buildWebSocketAdapter(client, listener), guard));
        return watch;
    }

    private static WebSocketAdapter guarded(WebSocketAdapter real, HopGuard guard) {
        return new WebSocketAdapter() {
            public void start() throws Exception {
                real.start();
            }

            public void connect(URI uri) throws Exception {
                guard.checkWebSocket(uri);
                real.connect(uri);
            }

            public void connect(URI uri, List<String> protocols) throws Exception {
                guard.checkWebSocket(uri);
                real.connect(uri, protocols);
            }

            public String getSelectedProtocol() {
                return real.getSelectedProtocol();
            }

            public void send(Object content) throws java.io.IOException {
                real.send(content);
            }

            public void closeIncomingSession() throws Exception {
                real.closeIncomingSession();
            }

            public void closeOutgoingSession() throws Exception {
                real.closeOutgoingSession();
            }

            public void closeOutgoingSession(int code, String reason) throws Exception {
                real.closeOutgoingSession(code, reason);
            }

            public void closeClient() throws Exception {
                real.closeClient();
            }
        };
    }

    @Override
    public void timeoutError(HtmlPage page, long allowedTime, long executionTime) {
        record(page, "a script ran past the client's " + Limits.show(limits.scriptRun()) + " script limit and was "
                + "stopped after " + executionTime + " ms");
    }

    @Override
    public void scriptException(HtmlPage page, ScriptException exception) {
        String text = String.valueOf(exception.getMessage());
        if (text.contains("TimeoutError") || text.toLowerCase(java.util.Locale.ROOT).contains("timeout")
                && text.contains("xceeded")) {
            record(page, "a script ran past the client's " + Limits.show(limits.scriptRun()) + " script limit and "
                    + "was stopped");
        }
    }

    @Override
    public void malformedScriptURL(HtmlPage page, String url, MalformedURLException exception) {
        // a script the page could not load is the page's business, as in a browser
    }

    @Override
    public void loadScriptError(HtmlPage page, URL scriptUrl, Exception exception) {
        // as above
    }

    @Override
    public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
        // console noise
    }

    private void record(HtmlPage page, String what) {
        String where = page == null ? "a page" : "the page " + NetworkFailures.address(page.getUrl());
        synchronized (stopped) {
            stopped.add("on " + where + ", " + what);
        }
    }

    /** What was stopped since the last call, and forgets it. */
    List<String> take() {
        synchronized (stopped) {
            List<String> taken = List.copyOf(stopped);
            stopped.clear();
            return taken;
        }
    }
}
