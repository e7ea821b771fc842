package dev.ssokit.lab;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.WireExchanges;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns the recorder's serve events into {@link Exchange}s; WireMock's own failure answers go to failures. */
final class ProxyJournal implements ServeEventListener {
    private final Function<String, Optional<StubSystem>> systemOfHost;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long started = System.nanoTime();

    ProxyJournal(Function<String, Optional<StubSystem>> systemOfHost) {
        this.systemOfHost = systemOfHost;
    }

    @Override
    public String getName() {
        return "ssokit-recorder-journal";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        LoggedRequest request = event.getRequest();
        URI uri = URI.create(request.getAbsoluteUrl());
        String host = request.getHeader("Host");
        String hostName = (host == null ? uri.getHost() : host.replaceFirst(":\\d+$", "")).toLowerCase(Locale.ROOT);
        LoggedResponse response = event.getResponse();
        String body = response == null ? null : response.getBodyAsString();
        synchronized (this) {
            if (response != null && response.getStatus() == 500 && body != null
                    && (body.startsWith("SSL failure") || body.startsWith("Network failure"))) {
                failures.add(hostName + ": " + body.lines().findFirst().orElse(body));
                return;
            }
            Optional<StubSystem> system = systemOfHost.apply(hostName);
            if (system.isEmpty()) {
                failures.add(hostName + ": not a host of the target; the request was not recorded");
                return;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            exchanges.add(new Exchange(exchanges.size() + 1, system.get(), (System.nanoTime() - started) / 1_000_000_000L,
                    request.getMethod().getName(), uri.getScheme(), hostName, port, uri.getRawPath(),
                    uri.getRawQuery(), lowerCase(request.getHeaders()), request.getBodyAsString(),
                    response == null ? 0 : response.getStatus(),
                    response == null ? Map.of() : lowerCase(response.getHeaders()), textBody(response, body)));
        }
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** A new journal whose seconds ({@link Exchange#atSecond()}) count from now, as a reset stub world's do. */
    synchronized void clear() {
        started = System.nanoTime();
        exchanges.clear();
        failures.clear();
    }

    /** The stub journal's rule ({@link WireExchanges}): text bodies up to 256 KiB, else none. */
    private static String textBody(LoggedResponse response, String body) {
        return body == null ? null : WireExchanges.textBody(response);
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        return WireExchanges.lowerCase(headers);
    }
}
