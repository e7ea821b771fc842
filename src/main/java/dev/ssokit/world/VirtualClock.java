package dev.ssokit.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock the stubs and the client share: token lifetimes, code expiry and the client's refresh timer all
 * read it, so a scenario moves time forward instead of sleeping. {@link #wall()} makes one that follows real time
 * (for {@code ./kit serve}, where a foreign client reads its own clock); advance() still adds to it.
 */
public final class VirtualClock extends Clock {
    /** A fixed, readable epoch: the token example of Cisco's guide was issued in December 2022. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    private final AtomicReference<Instant> now;
    private final boolean wall;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Instant origin;

    public VirtualClock() {
        this(DEFAULT_START);
    }

    public VirtualClock(Instant start) {
        this(start, false);
    }

    private VirtualClock(Instant start, boolean wall) {
        this.now = new AtomicReference<>(start);
        this.wall = wall;
        this.origin = wall ? Instant.now() : DEFAULT_START;
    }

    /** Real time (plus whatever {@link #advance} added): tokens are valid by the wall clock of any client. */
    public static VirtualClock wall() {
        return new VirtualClock(DEFAULT_START, true);
    }

    public boolean isWall() {
        return wall;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The virtual clock only moves forward; got " + duration);
        }
        if (wall) {
            offset.updateAndGet(current -> current.plus(duration));
        } else {
            now.updateAndGet(current -> current.plus(duration));
        }
    }

    public void reset() {
        now.set(DEFAULT_START);
        offset.set(Duration.ZERO);
        origin = wall ? Instant.now() : DEFAULT_START;
    }

    /** Seconds since the start of the scenario: what a reader of a transcript wants to see. */
    public long secondsSinceStart() {
        return Duration.between(origin, instant()).toSeconds();
    }

    @Override
    public Instant instant() {
        return wall ? Instant.now().plus(offset.get()) : now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The virtual clock is UTC, as IdS and its clients must be");
    }
}
