package dev.ssokit.world.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ssokit.world.Journal;
import dev.ssokit.world.JournalJson;
import dev.ssokit.world.LabLinkExtension;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.VirtualClock;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's journal inside a standalone WireMock process: what the client sent this system and what it answered
 * (the servers' own back-channel calls, marked by {@link #BACKCHANNEL_AGENT}, are left out, as a client never
 * sends them). {@code GET /__admin/kit/journal} hands it out raw (secrets included, like WireMock's own
 * {@code /__admin/requests}) in the kit's journal format, with each exchange's time in microseconds so the three
 * processes' journals can be merged in order.
 */
final class StandaloneJournal implements ServeEventListener, AdminApiExtension {
    static final String BACKCHANNEL_AGENT = "finesse-sso-kit-backchannel";
    static final String PATH = "/kit/journal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubSystem system;
    private final Journal journal = new Journal();
    private final ServeEventListener recorder;
    private final List<Long> micros = new ArrayList<>();

    StandaloneJournal(StubSystem system, VirtualClock clock) {
        this.system = system;
        this.recorder = LabLinkExtension.journalRecorder(system, journal, clock);
    }

    @Override
    public String getName() {
        return "kit-journal-" + system.folder();
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        String agent = event.getRequest().getHeader("User-Agent");
        if (agent != null && agent.startsWith(BACKCHANNEL_AGENT)) {
            return;
        }
        synchronized (journal) {
            recorder.beforeResponseSent(event, parameters);
            Instant now = Instant.now();
            micros.add(ChronoUnit.MICROS.between(Instant.EPOCH, now));
        }
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, PATH, (admin, serveEvent, pathParams) -> {
            String body;
            synchronized (journal) {
                try {
                    ObjectNode root = (ObjectNode) JSON.readTree(JournalJson.write("standalone-" + system.folder(),
                            journal.all(), journal.dropped(), JournalJson.Masks.none(), false));
                    ArrayNode times = root.putArray("micros");
                    micros.forEach(times::add);
                    body = JSON.writeValueAsString(root);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body).build();
        });
        router.add(RequestMethod.DELETE, PATH, (admin, serveEvent, pathParams) -> {
            synchronized (journal) {
                journal.clear();
                micros.clear();
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
        });
    }
}
