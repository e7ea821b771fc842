package dev.ssokit.labtarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a secret comes from: {@code env:VARIABLE} or {@code file:/absolute/path} (a file outside the repository).
 * The secret itself is never in the target file; {@link #toString()} names only the source.
 */
public record SecretRef(Kind kind, String location) {
    public enum Kind { ENV, FILE }

    /** Parses {@code env:VAR} or {@code file:/path}; anything else is refused by {@link TargetLoader}. */
    static Optional<SecretRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith("env:") && text.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.of(new SecretRef(Kind.ENV, text.substring(4)));
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return Optional.of(new SecretRef(Kind.FILE, text.substring(5)));
        }
        return Optional.empty();
    }

    /**
     * The secret's value, or empty when the variable is unset/blank or the file is missing/unreadable/empty.
     * A file's trailing line break is dropped.
     *
     * @param environment the process environment (KitConfig passes it; tests pass a map)
     */
    public Optional<String> resolve(Function<String, String> environment) {
        if (kind == Kind.ENV) {
            String value = environment.apply(location);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
        try {
            String value = Files.readString(Path.of(location), StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What to do when {@link #resolve} finds nothing. */
    public String fix() {
        return kind == Kind.ENV ? "export " + location + "=... in the shell that runs the kit"
                : "create " + location + " (readable by you only, outside the repository) holding the secret";
    }

    @Override
    public String toString() {
        return (kind == Kind.ENV ? "env:" : "file:") + location;
    }
}
