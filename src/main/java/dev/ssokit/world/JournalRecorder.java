package dev.ssokit.world;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** WireMock listener that copies each served request, with its answer, into the shared {@link Journal}. */
final class JournalRecorder implements ServeEventListener {
    private final StubSystem system;
    private final Journal journal;
    private final VirtualClock clock;

    JournalRecorder(StubSystem system, Journal journal, VirtualClock clock) {
        this.system = system;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "journal-" + system.folder();
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
        String hostName = host == null ? uri.getHost() : host.replaceFirst(":\\d+$", "");
        int status = event.getResponse() == null ? 0 : event.getResponse().getStatus();
        Map<String, List<String>> responseHeaders = event.getResponse() == null
                ? Map.of() : lowerCase(event.getResponse().getHeaders());
        synchronized (journal) {
            journal.record(new Exchange(journal.nextSequence(), system, clock.secondsSinceStart(),
                    request.getMethod().getName(), uri.getScheme(), hostName, request.getPort(), uri.getRawPath(), uri.getRawQuery(),
                    lowerCase(request.getHeaders()), request.getBodyAsString(), status, responseHeaders,
                    textBody(event)));
        }
    }

    /** Text bodies (HTML, JSON, XML) up to 256 KiB: checks compare what a page offered with what came back. */
    private static String textBody(ServeEvent event) {
        if (event.getResponse() == null || event.getResponse().getHeaders() == null) {
            return null;
        }
        com.github.tomakehurst.wiremock.http.ContentTypeHeader type = event.getResponse().getHeaders().getContentTypeHeader();
        String mime = type == null || !type.isPresent() ? "" : type.mimeTypePart();
        if (mime == null || !(mime.contains("html") || mime.contains("json") || mime.contains("xml")
                || mime.startsWith("text") || mime.contains("*"))) {
            return null;
        }
        String body = event.getResponse().getBodyAsString();
        return body != null && body.length() > 262_144 ? body.substring(0, 262_144) : body;
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers == null) {
            return copy;
        }
        for (HttpHeader header : headers.all()) {
            copy.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(header.values());
        }
        return copy;
    }
}
