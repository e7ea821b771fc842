package dev.ssokit.world;

import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.Map;

/** The kit's WireMock parts for servers the kit does not start itself (standalone WireMock). */
public final class LabLinkExtension {
    private LabLinkExtension() {
    }

    public static Extension of(Map<String, String> links) {
        return new LabLinks(Map.copyOf(links));
    }

    /** The listener that copies each served request, with its answer, into this journal (as the embedded world). */
    public static com.github.tomakehurst.wiremock.extension.ServeEventListener journalRecorder(StubSystem system,
                                                                                           Journal journal,
                                                                                           VirtualClock clock) {
        return new JournalRecorder(system, journal, clock);
    }
}
