package dev.ssokit.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock the stubs and the client share: token lifetimes, code expiry and the client's refresh timer all
 * read it, so a scenario moves time forward instead of sleeping.
 */
public final class VirtualClock extends Clock {
    /** A fixed, readable epoch: the token example of Cisco's guide was issued in December 2022. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    private final AtomicReference<Instant> now;

    public VirtualClock() {
        this(DEFAULT_START);
    }

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The virtual clock only moves forward; got " + duration);
        }
        now.updateAndGet(current -> current.plus(duration));
    }

    public void reset() {
        now.set(DEFAULT_START);
    }

    /** Seconds since the start of the scenario: what a reader of a transcript wants to see. */
    public long secondsSinceStart() {
        return Duration.between(DEFAULT_START, now.get()).toSeconds();
    }

    @Override
    public Instant instant() {
        return now.get();
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
