package dev.ssokit.model;

import java.util.Optional;

/**
 * What a client operation produced: a value, or a failure a person can act on. Failures are values, not
 * exceptions, so a scenario can assert on them (a negative scenario expects one).
 */
public record Outcome<T>(T value, String failure) {
    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(String reason) {
        return new Outcome<>(null, reason);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }
}
