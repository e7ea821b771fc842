package dev.ssokit.world.serve;

import dev.ssokit.world.StubWorld;
import dev.ssokit.world.WorldSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions of one serve: "default" on the configured ports, and any opened through the control API, each on
 * ephemeral ports of its own (a port triple is the one session key every client honours unchanged; see
 * docs/world-json.md). All share the CA, so one trust file serves every session.
 */
public final class Sessions implements AutoCloseable {
    public static final String DEFAULT = "default";
    /** Bound on open sessions: each costs three servers. */
    public static final int MAX_SESSIONS = 64;

    private final Path stubs;
    private final WorldSpec extraSpec;
    private final String baseline;
    private final int journalLimit;
    private final Map<String, ServeSession> open = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param defaultSpec the default session's ports and TLS
     * @param baseline    JSON knobs every session starts from (and reset returns to)
     */
    public Sessions(Path stubs, WorldSpec defaultSpec, String baseline, int journalLimit) {
        this.stubs = stubs;
        this.baseline = baseline;
        this.journalLimit = journalLimit;
        this.extraSpec = defaultSpec.withPorts(0, 0, 0, 0).withContainerThreads(10);
        SettingsKnobs.apply(new dev.ssokit.world.WorldSettings(), baseline);
        open.put(DEFAULT, new ServeSession(DEFAULT, StubWorld.start(stubs, defaultSpec), baseline, journalLimit));
    }

    public ServeSession defaultSession() {
        return find(DEFAULT).orElseThrow();
    }

    /** A new session on ephemeral ports; refused past {@link #MAX_SESSIONS}. */
    public ServeSession open() {
        synchronized (this) {
            if (open.size() >= MAX_SESSIONS) {
                throw new IllegalStateException(MAX_SESSIONS + " sessions are open: end one (DELETE /sessions/{id}) first");
            }
        }
        String id = "s" + counter.incrementAndGet();
        ServeSession session = new ServeSession(id, StubWorld.start(stubs, extraSpec), baseline, journalLimit);
        synchronized (this) {
            open.put(id, session);
        }
        return session;
    }

    public synchronized Optional<ServeSession> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    public synchronized List<ServeSession> all() {
        return new ArrayList<>(open.values());
    }

    /** Stops a session's servers and forgets it; the default session cannot end (reset it instead). */
    public boolean end(String id) {
        if (DEFAULT.equals(id)) {
            throw new IllegalArgumentException("The default session lives as long as serve: reset it instead");
        }
        ServeSession session;
        synchronized (this) {
            session = open.remove(id);
        }
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    @Override
    public void close() {
        List<ServeSession> sessions;
        synchronized (this) {
            sessions = new ArrayList<>(open.values());
            open.clear();
        }
        sessions.forEach(ServeSession::close);
    }
}
