package dev.ssokit.world.serve;

import dev.ssokit.world.StubWorld;
import java.time.Instant;

/**
 * One partner's session of {@code ./kit serve}: its own stub servers (so its own ports), journal, settings, clock
 * and server-side state. {@link #reset()} brings it back to serve's baseline (default knobs plus the options serve
 * was started with, e.g. --token-lifetime).
 */
public final class ServeSession implements AutoCloseable {
    private final String id;
    private final StubWorld world;
    private final String baseline;
    private final Instant started = Instant.now();

    ServeSession(String id, StubWorld world, String baseline, int journalLimit) {
        this.id = id;
        this.world = world;
        this.baseline = baseline;
        world.journal().limit(journalLimit);
        reset();
    }

    public String id() {
        return id;
    }

    public StubWorld world() {
        return world;
    }

    public Instant started() {
        return started;
    }

    /** Fresh journal, clock, server-side state; the knobs back to serve's baseline. */
    public void reset() {
        world.reset();
        SettingsKnobs.apply(world.settings(), baseline);
    }

    @Override
    public void close() {
        world.close();
    }
}
