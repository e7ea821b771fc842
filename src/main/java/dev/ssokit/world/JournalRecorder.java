package dev.ssokit.world;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
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

    private static String textBody(ServeEvent event) {
        return WireExchanges.textBody(event.getResponse());
    }

    private static Map<String, List<String>> lowerCase(com.github.tomakehurst.wiremock.http.HttpHeaders headers) {
        return WireExchanges.lowerCase(headers);
    }
}
