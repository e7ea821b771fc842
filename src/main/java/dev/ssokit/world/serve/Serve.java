package dev.ssokit.world.serve;

import dev.ssokit.report.Redactor;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial;
import dev.ssokit.world.UserDirectory;
import dev.ssokit.world.WorldDescription;
import dev.ssokit.world.WorldSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The running product behind {@code ./kit serve}: the sessions' stub servers, one CA (persistent with --state),
 * the control API and world.json. Closing it stops everything; it is safe to close twice (SIGTERM and the end of
 * --seconds may race).
 */
public final class Serve implements AutoCloseable {
    public static final String TOKEN_FILE = "control-token";

    private final Sessions sessions;
    private final ControlApi control;
    private final WorldDescriber describer;
    private final Path worldFile;
    private final Path throwAway;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Serve(Sessions sessions, ControlApi control, WorldDescriber describer, Path worldFile, Path throwAway,
                  String token) {
        this.sessions = sessions;
        this.control = control;
        this.describer = describer;
        this.worldFile = worldFile;
        this.throwAway = throwAway;
        this.token = token;
    }

    public static Serve start(ServeOptions options) {
        Map<StubSystem, String> names = new EnumMap<>(options.coResident()
                ? StubWorld.coResidentHostNames() : StubWorld.defaultHostNames());
        if (options.finesseHost() != null) {
            names.put(StubSystem.FINESSE, options.finesseHost());
        }
        if (options.idsHost() != null) {
            names.put(StubSystem.IDS, options.idsHost());
        }
        if (options.idpHost() != null) {
            names.put(StubSystem.IDP, options.idpHost());
        }
        Path stubs = options.root().resolve("stubs");
        Path throwAway = null;
        TlsMaterial tls;
        String token;
        try {
            if (options.state().isPresent()) {
                tls = TlsMaterial.persistent(StubWorld.allHostNames(names), options.state().get());
                token = stateToken(options.state().get());
            } else {
                throwAway = Files.createTempDirectory("finesse-sso-kit-serve-");
                tls = TlsMaterial.generate(StubWorld.allHostNames(names), throwAway);
                token = newToken();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare serve's state: " + e.getMessage(), e);
        }
        String baseline = options.accessTokenSeconds() > 0
                ? "{\"accessTokenSeconds\":" + options.accessTokenSeconds() + "}" : "{}";
        WorldSpec spec = new WorldSpec(names, options.finessePort(), options.httpPort(), options.idsPort(),
                options.idpPort(), tls, options.wallClock(), 12);
        Sessions sessions;
        try {
            sessions = new Sessions(stubs, spec, baseline, options.journalLimit());
        } catch (RuntimeException e) {
            deleteTree(throwAway);
            throw e;
        }
        ControlApi control = null;
        try {
            UserDirectory directory = sessions.defaultSession().world().directory();
            Redactor redactor = Redactor.standard().withKnownSecrets(directory.agents().stream()
                    .map(agent -> agent.password().reveal()).toList());
            String[] controlUrl = new String[1];
            Path tokenFile = options.state().map(dir -> dir.resolve(TOKEN_FILE).toAbsolutePath()).orElse(null);
            WorldDescriber[] holder = new WorldDescriber[1];
            control = new ControlApi(options.controlPort(), token, sessions, session -> holder[0].describe(session),
                    new RedactingMasks(redactor));
            controlUrl[0] = control.url();
            holder[0] = new WorldDescriber(options.root().resolve("stubs/hosts"), stubs.resolve("users.json"),
                    options.coResident() ? "co-resident" : "distinct", new WorldDescription.Control(controlUrl[0],
                    token, tokenFile == null ? null : tokenFile.toString()));
            Serve serve = new Serve(sessions, control, holder[0], options.worldFile(), throwAway, token);
            serve.writeWorld();
            return serve;
        } catch (IOException | RuntimeException e) {
            if (control != null) {
                control.close();
            }
            sessions.close();
            deleteTree(throwAway);
            throw new IllegalStateException("serve did not start: " + e.getMessage()
                    + (e instanceof java.net.BindException ? " (the control port " + options.controlPort()
                    + " is in use: pass --control-port N, or 0 for any free port)" : ""), e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token kept in --state (0600), made there the first time: a partner's CI can keep reading one file. */
    private static String stateToken(Path state) throws IOException {
        Path file = state.resolve(TOKEN_FILE);
        if (Files.exists(file)) {
            String kept = Files.readString(file).trim();
            if (kept.length() >= 16) {
                return kept;
            }
        }
        String fresh = newToken();
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        Files.writeString(file, fresh + "\n");
        return fresh;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions here: the folder's ACL decides who reads it
        }
    }

    /** world.json holds the control token, so it is written owner-only (0600). */
    private void writeWorld() throws IOException {
        WorldDescription world = describe(sessions.defaultSession());
        Path parent = worldFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(worldFile)) {
            Files.createFile(worldFile);
        }
        ownerOnly(worldFile);
        world.write(worldFile);
    }

    public WorldDescription describe(ServeSession session) {
        return describer.describe(session);
    }

    public Sessions sessions() {
        return sessions;
    }

    public String controlUrl() {
        return control.url();
    }

    public String token() {
        return token;
    }

    public Path worldFile() {
        return worldFile.toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        control.close();
        sessions.close();
        deleteTree(throwAway);
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder holds only a throw-away CA that no longer signs anything
        }
    }
}
