package dev.ssokit.client.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a partner's adapter command: a process per operation (one-shot), or one process per scenario that answers one
 * JSON line per request line (session). Every operation has a deadline; past it the whole process tree is killed.
 * Whatever the process prints besides its answer is kept, raw, in {@link #log()}: the caller redacts it before any
 * report shows it.
 */
final class AdapterProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";

    private final AdapterManifest manifest;
    private final List<String> command;
    private final Path stateDirectory;
    private final Duration deadline;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private int calls;
    private Process session;
    private BufferedWriter sessionInput;
    private final BlockingQueue<String> sessionOutput = new LinkedBlockingQueue<>();
    private String deadSession;

    AdapterProcess(AdapterManifest manifest, List<String> command, Path stateDirectory, Duration deadline) {
        this.manifest = manifest;
        this.command = List.copyOf(command);
        this.stateDirectory = stateDirectory;
        this.deadline = deadline;
    }

    /** Sends one request, returns the adapter's answer; throws with a message a partner can act on otherwise. */
    JsonNode call(String operation, JsonNode request) {
        calls++;
        return manifest.mode() == AdapterManifest.Mode.SESSION ? callSession(operation, request)
                : callOnce(operation, request);
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private JsonNode callOnce(String operation, JsonNode request) {
        Path out = stateDirectory.resolve("op-" + calls + ".out");
        Path err = stateDirectory.resolve("op-" + calls + ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(manifest.directory().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AdapterFailure("cannot start the adapter command " + command + " in " + manifest.directory()
                    + ": " + e.getMessage() + " (check \"command\" in the manifest)");
        }
        try (var stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write(JSON.writeValueAsString(request));
            stdin.write('\n');
        } catch (IOException e) {
            log.add("[" + operation + "] the adapter closed its stdin early: " + e.getMessage());
        }
        boolean finished;
        try {
            finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(process);
        }
        List<String> stdout = readLines(out);
        readLines(err).forEach(line -> log.add("[" + operation + "] stderr: " + line));
        if (!finished) {
            stdout.forEach(line -> log.add("[" + operation + "] stdout: " + line));
            throw new AdapterFailure("the adapter did not answer " + operation + " within " + deadline.toSeconds()
                    + " s; the kit stopped its process tree");
        }
        Optional<JsonNode> answer = Optional.empty();
        for (String line : stdout) {
            Optional<JsonNode> parsed = parse(line);
            if (parsed.isPresent()) {
                answer.ifPresent(earlier -> log.add("[" + operation + "] stdout: (an earlier JSON line)"));
                answer = parsed;
            } else {
                log.add("[" + operation + "] stdout: " + line);
            }
        }
        return answer.orElseThrow(() -> new AdapterFailure("the adapter printed no JSON answer for " + operation
                + " (exit code " + process.exitValue() + "); its stderr is in the scenario's adapter log"));
    }

    private JsonNode callSession(String operation, JsonNode request) {
        if (deadSession != null) {
            throw new AdapterFailure(deadSession);
        }
        try {
            if (session == null) {
                startSession();
            }
            sessionInput.write(JSON.writeValueAsString(request));
            sessionInput.write('\n');
            sessionInput.flush();
        } catch (IOException e) {
            deadSession = "the adapter session ended: " + e.getMessage();
            throw new AdapterFailure(deadSession);
        }
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            String line;
            try {
                line = sessionOutput.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                line = null;
            }
            if (line == null) {
                killTree(session);
                deadSession = "the adapter did not answer " + operation + " within " + deadline.toSeconds()
                        + " s; the kit stopped its process tree";
                throw new AdapterFailure(deadSession);
            }
            if (line.equals(EOF)) {
                deadSession = "the adapter process ended before answering " + operation;
                throw new AdapterFailure(deadSession);
            }
            Optional<JsonNode> answer = parse(line);
            if (answer.isPresent()) {
                return answer.get();
            }
            log.add("[" + operation + "] stdout: " + line);
        }
    }

    private void startSession() throws IOException {
        session = new ProcessBuilder(command).directory(manifest.directory().toFile()).start();
        sessionInput = new BufferedWriter(new OutputStreamWriter(session.getOutputStream(), StandardCharsets.UTF_8));
        pump(session.getInputStream(), sessionOutput::add, true);
        pump(session.getErrorStream(), line -> log.add("[session] stderr: " + line), false);
    }

    private static void pump(InputStream stream, java.util.function.Consumer<String> sink, boolean markEnd) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away; the caller reports it by the missing answer
            }
            if (markEnd) {
                sink.accept(EOF);
            }
        }, "adapter-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static Optional<JsonNode> parse(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    /** The process and everything it started: descendants first, so none is left to its parent's death. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle descendant : descendants) {
            try {
                descendant.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // killed; an orphan may stay a zombie until its new parent reaps it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (session == null) {
            return;
        }
        try {
            sessionInput.close();
            if (!session.waitFor(3, TimeUnit.SECONDS)) {
                killTree(session);
            }
        } catch (IOException e) {
            killTree(session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(session);
        }
    }

    /** The adapter could not be run or did not answer: reported as the operation's failure. */
    static final class AdapterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AdapterFailure(String message) {
            super(message);
        }
    }
}
