package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * The outermost connection of the reference client: every hop passes here before it goes on the wire. It refuses
 * what must not be sent (a scheme other than http/https, e.g. a redirect to {@code javascript:}; credentials over
 * plain http (S2); an http sub-request of an https page, mixed content (S3)), stops a hop once the operation's
 * deadline has passed, and turns every network failure into a message that names the hop ({@link NetworkFailures}).
 */
final class HopGuard extends WebConnectionWrapper {
    private static final Set<WebRequest.FetchDestination> NAVIGATIONS = Set.of(WebRequest.FetchDestination.DOCUMENT,
            WebRequest.FetchDestination.IFRAME, WebRequest.FetchDestination.FRAME);

    private final ClientSettings settings;
    private final OperationDeadline deadline;
    private final Supplier<URL> currentPage;
    private final List<String> refusals = new ArrayList<>();
    private volatile String lastRedirect;

    HopGuard(WebConnection wrapped, ClientSettings settings, OperationDeadline deadline, Supplier<URL> currentPage) {
        super(wrapped);
        this.settings = settings;
        this.deadline = deadline;
        this.currentPage = currentPage;
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        URL url = request.getUrl();
        String method = request.getHttpMethod().name();
        String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refuse("refused " + method + " " + shorten(url.toString()) + ": the scheme '" + scheme + ":' is "
                    + "neither http nor https" + (lastRedirect == null ? "" : "; it came as the Location of "
                    + lastRedirect) + ". A browser does not follow such a redirect either");
        }
        String hop = NetworkFailures.hop(method, url);
        if (deadline.passed()) {
            throw new HopStopped(hop + ": not sent: " + deadline.passedText());
        }
        if (scheme.equals("http") && request.getAdditionalHeader("Authorization") != null
                && !settings.has(Defect.SENDS_BASIC_OVER_HTTP)) {
            throw refuse(hop + ": refused to send credentials (Authorization) over plain http: anyone on the path "
                    + "could read them (RFC 7617 §4). Use an https:// Finesse URL");
        }
        URL page = request.getRequestingUrl() != null ? request.getRequestingUrl() : currentPage.get();
        if (scheme.equals("http") && page != null && "https".equalsIgnoreCase(page.getProtocol())
                && request.getFetchDestination() != null && !NAVIGATIONS.contains(request.getFetchDestination())
                && !settings.has(Defect.ALLOWS_MIXED_CONTENT)) {
            throw refuse(hop + ": blocked as mixed content: the https page " + NetworkFailures.address(page)
                    + " asked for a plain http " + request.getFetchDestination().name().toLowerCase(Locale.ROOT)
                    + " sub-request (W3C Mixed Content §5: browsers block it)");
        }
        WebResponse response;
        try {
            response = super.getResponse(request);
        } catch (HopStopped stopped) {
            throw stopped;
        } catch (IOException | RuntimeException e) {
            if (settings.has(Defect.RAW_EXCEPTION_MESSAGES)) {
                throw e;
            }
            throw new HopStopped(NetworkFailures.describe(method, url, e, settings.trustStore()));
        }
        String location = response.getResponseHeaderValue("Location");
        lastRedirect = response.getStatusCode() >= 300 && response.getStatusCode() < 400 && location != null
                ? hop + " (answered " + response.getStatusCode() + ", Location: " + shorten(location) + ")" : null;
        return response;
    }

    /** Refuses a WebSocket to ws:// from an https page (S3); the message is kept like any other refusal. */
    void checkWebSocket(java.net.URI uri) {
        URL page = currentPage.get();
        if ("ws".equalsIgnoreCase(uri.getScheme()) && page != null && "https".equalsIgnoreCase(page.getProtocol())
                && !settings.has(Defect.ALLOWS_MIXED_CONTENT)) {
            String message = "WebSocket host " + uri.getHost() + " path " + uri.getPath() + " (" + uri.getScheme()
                    + "://" + uri.getAuthority() + uri.getPath() + "): blocked as mixed content: the https page "
                    + NetworkFailures.address(page) + " asked for a plaintext ws:// socket (W3C Mixed "
                    + "Content §5: browsers block it)";
            refuse(message);
            throw new SecurityException(message);
        }
    }

    private HopStopped refuse(String message) {
        synchronized (refusals) {
            refusals.add(message);
        }
        return new HopStopped(message);
    }

    /** The refusals since the last call, oldest first, and forgets them. */
    List<String> takeRefusals() {
        synchronized (refusals) {
            List<String> taken = List.copyOf(refusals);
            refusals.clear();
            return taken;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
