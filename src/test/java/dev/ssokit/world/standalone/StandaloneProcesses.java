package dev.ssokit.world.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.JournalJson;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finesse, IdS and the IdP as three standalone WireMock processes (wiremock-standalone + the kit's extensions),
 * started exactly as docs/standalone-wiremock.md says, on free loopback ports; every wait has a deadline and
 * {@link #close()} kills them.
 */
final class StandaloneProcesses implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    final Path stubs;
    final TlsMaterial tls;
    final Map<StubSystem, URI> bases = new EnumMap<>(StubSystem.class);
    private final Map<StubSystem, Process> processes = new EnumMap<>(StubSystem.class);
    private final Map<StubSystem, Path> logs = new EnumMap<>(StubSystem.class);
    private final HttpClient http;

    private StandaloneProcesses(Path stubs, TlsMaterial tls) {
        this.stubs = stubs;
        this.tls = tls;
        this.http = HttpClient.newBuilder().sslContext(tls.clientContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The wiremock-standalone jar the build copied (mvn process-test-classes), or null. */
    static Path standaloneJar(Path root) throws IOException {
        Path folder = root.resolve("target/wiremock-standalone");
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> jars = Files.list(folder)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("wiremock-standalone-")).findFirst().orElse(null);
        }
    }

    static StandaloneProcesses start(Path root, Path work, Path jar) throws IOException {
        Path stubs = work.resolve("stubs");
        copyTree(root.resolve("stubs"), stubs);
        TlsMaterial tls = TlsMaterial.generate(StubWorld.allHostNames(StubWorld.defaultHostNames()), work.resolve("tls"));
        StandaloneProcesses world = new StandaloneProcesses(stubs, tls);
        int finesse = freePort();
        int finesseHttp = freePort();
        int ids = freePort();
        int idp = freePort();
        world.bases.put(StubSystem.FINESSE, URI.create("https://finesse.test:" + finesse));
        world.bases.put(StubSystem.IDS, URI.create("https://ids.test:" + ids));
        world.bases.put(StubSystem.IDP, URI.create("https://idp.test:" + idp));
        Files.writeString(stubs.resolve(StandaloneConfig.FILE), "{\"finesse\": \"https://finesse.test:" + finesse
                + "\", \"finesseHttp\": \"http://finesse.test:" + finesseHttp + "\", \"ids\": \"https://ids.test:" + ids
                + "\", \"idp\": \"https://idp.test:" + idp + "\"}\n");
        String classpath = classpath(root, jar);
        try {
            world.launch(StubSystem.FINESSE, finesse, finesseHttp, classpath, root, work);
            world.launch(StubSystem.IDS, ids, -1, classpath, root, work);
            world.launch(StubSystem.IDP, idp, -1, classpath, root, work);
            for (StubSystem system : StubSystem.values()) {
                world.awaitListening(system);
            }
        } catch (IOException | RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private static String classpath(Path root, Path jar) throws IOException {
        List<String> entries = new ArrayList<>(List.of(jar.toString(), root.resolve("target/classes").toString()));
        try (Stream<Path> libraries = Files.list(root.resolve("target/wiremock-extensions"))) {
            libraries.filter(p -> !p.getFileName().toString().startsWith("finesse-sso-kit"))
                    .map(Path::toString).sorted().forEach(entries::add);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void launch(StubSystem system, int httpsPort, int httpPort, String classpath, Path root,
                        Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + root.resolve("stubs/hosts"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classpath, "wiremock.Run",
                "--bind-address", "127.0.0.1", "--https-port", String.valueOf(httpsPort),
                "--https-keystore", tls.serverKeyStore().toString(), "--keystore-type", "PKCS12",
                "--keystore-password", tls.storePassword(), "--key-manager-password", tls.storePassword(),
                "--root-dir", stubs.resolve(system.folder()).toString(),
                "--disable-banner", "--disable-gzip", "--disable-http2-tls", "--disable-http2-plain"));
        if (httpPort > 0) {
            command.addAll(List.of("--port", String.valueOf(httpPort)));
        } else {
            command.add("--disable-http");
        }
        Path log = work.resolve(system.folder() + ".log");
        logs.put(system, log);
        processes.put(system, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private void awaitListening(StubSystem system) {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        URI base = bases.get(system);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(system).isAlive()) {
                throw new IllegalStateException(system + " WireMock exited: " + log(system));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException(system + " WireMock did not listen on " + base + " within "
                + START_DEADLINE.toSeconds() + " s: " + log(system));
    }

    String log(StubSystem system) {
        try {
            return Files.readString(logs.get(system));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** GET on a system's port (admin API included), with a deadline. */
    String get(StubSystem system, String path) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(bases.get(system).resolve(path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " on " + system + ": HTTP " + reply.statusCode());
            }
            return reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Empties the three processes' kit journals (a scenario's start). */
    void clearJournals() {
        for (StubSystem system : StubSystem.values()) {
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(bases.get(system)
                        .resolve("/__admin" + StandaloneJournal.PATH)).timeout(Duration.ofSeconds(20)).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() != 204) {
                    throw new IllegalStateException("clearing " + system + "'s journal: HTTP " + reply.statusCode());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** "STATUS body" of a GET with this Bearer token (never a real secret: the caller forges it). */
    String getWithBearer(StubSystem system, String path, String token) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(bases.get(system).resolve(path))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() + " " + reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The three processes' kit journals, merged in time order and numbered again. */
    List<Exchange> mergedJournal() throws IOException {
        record Timed(long micros, Exchange exchange) {
        }
        List<Timed> all = new ArrayList<>();
        for (StubSystem system : StubSystem.values()) {
            String body = get(system, "/__admin" + StandaloneJournal.PATH);
            JsonNode micros = new ObjectMapper().readTree(body).path("micros");
            List<Exchange> exchanges = JournalJson.parse(body).exchanges();
            for (int i = 0; i < exchanges.size(); i++) {
                all.add(new Timed(micros.path(i).asLong(), exchanges.get(i)));
            }
        }
        all.sort(Comparator.comparingLong(Timed::micros));
        List<Exchange> merged = new ArrayList<>();
        for (Timed timed : all) {
            Exchange e = timed.exchange();
            merged.add(new Exchange(merged.size() + 1, e.system(), e.atSecond(), e.method(), e.scheme(), e.host(),
                    e.port(), e.path(), e.rawQuery(), e.requestHeaders(), e.requestBody(), e.status(),
                    e.responseHeaders(), e.responseBody()));
        }
        return merged;
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for WireMock", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
