package dev.ssokit.lab.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** {@code kit record}: capture one flow and the probes through the recorder, write them as scrubbed mappings. */
public final class Recorder {
    /** What was recorded: the files, the client's steps, and what the recorder could not complete. */
    public record Result(Path out, List<Path> files, List<String> steps, List<String> failures) {
    }

    private Recorder() {
    }

    public static Result record(LabSide side, Path kitStubs, Path out, Duration timeout) {
        requireEmpty(out);
        FlowCapture.Capture capture = FlowCapture.capture(side, kitStubs, timeout);
        if (capture.exchanges().isEmpty()) {
            throw new IllegalStateException("Nothing crossed the recorder: " + String.join("; ", capture.failures())
                    + ". Fix: run ./kit preflight --target on the target first");
        }
        List<Path> files = MappingWriter.write(capture, out);
        return new Result(out, files, capture.steps(), capture.failures());
    }

    private static void requireEmpty(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("--out " + out + " is not empty. Fix: name a new or empty "
                                + "folder (a recording is never merged into another)");
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + out + ": " + e.getMessage(), e);
        }
    }
}
