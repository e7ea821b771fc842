package dev.ssokit.world.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial.IssuedKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keycloak as the world's SAML IdP: its own process (JDK 21+), started once per run on loopback only
 * (127.0.0.1, a free port chosen at start) as https://keycloak.test:PORT with a certificate from the world CA; the
 * realm of stubs/keycloak/ imported through the admin API; IdS then sends its AuthnRequests there and trusts the
 * realm's signing certificate. Its log goes to target/keycloak.log; {@link #close()} ends the process tree.
 */
public final class KeycloakIdp implements AutoCloseable {
    public static final String HOST = "keycloak.test";
    private static final Duration START_DEADLINE = Duration.ofSeconds(900);
    private static final Duration WARM_UP_DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final Path work;
    private final Consumer<String> progress;
    private final long startedNanos;
    private final double startSeconds;
    private final Thread shutdownHook;

    private KeycloakIdp(Process process, URI base, Path work, Consumer<String> progress, long startedNanos,
                        double startSeconds) {
        this.process = process;
        this.base = base;
        this.work = work;
        this.progress = progress;
        this.startedNanos = startedNanos;
        this.startSeconds = startSeconds;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Keycloak for this world and points IdS at it; throws {@link KeycloakDistribution.Unavailable}. */
    public static KeycloakIdp start(Path kitRoot, Optional<Path> javaHome, StubWorld world, Consumer<String> progress) {
        long began = System.nanoTime();
        Path java = KeycloakDistribution.findJava(javaHome);
        Path home = KeycloakDistribution.ensureUnpacked(kitRoot, progress);
        int port = freePort();
        int management = freePort();
        int plain = freePort(); // Quarkus binds its http port (8080 by default) even with http disabled
        URI base = URI.create("https://" + HOST + ":" + port);
        Path work;
        IssuedKey tls = world.tls().issueRsa(HOST, List.of(HOST));
        IssuedKey signing = world.tls().issueRsa("Keycloak realm " + KeycloakRealm.NAME + " SAML signing", List.of());
        String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path log = kitRoot.resolve("target/keycloak.log");
        Process process;
        try {
            work = Files.createTempDirectory("finesse-sso-kit-keycloak-");
            Path certificate = Files.writeString(work.resolve("keycloak.test.crt.pem"), tls.chainPem());
            Path key = Files.writeString(work.resolve("keycloak.test.key.pem"), tls.privateKeyPem());
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-enabled=false", "--http-host=127.0.0.1", "--http-port=" + plain, "--https-port=" + port,
                    "--http-management-port=" + management, "--hostname=" + base,
                    "--https-certificate-file=" + certificate, "--https-certificate-key-file=" + key,
                    "--db=dev-mem", "--cache=local", "--log-level=WARN,org.keycloak.quarkus.runtime:INFO"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kit-admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            progress.accept("Keycloak " + KeycloakDistribution.VERSION + ": starting on " + base + " (Java "
                    + KeycloakDistribution.featureVersion(java) + ", log: target/keycloak.log) ...");
            process = builder.start();
        } catch (IOException e) {
            throw new KeycloakDistribution.Unavailable("Keycloak did not start: " + e.getMessage());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(world.clientTls()).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            awaitReady(process, http, base, log);
            String acs = world.baseUri(StubSystem.IDS) + "/ids/saml/response?metaAlias=/sp";
            importRealm(http, base, adminPassword, KeycloakRealm.build(kitRoot.resolve("stubs/keycloak/realm.json"),
                    world.baseUri(StubSystem.IDS).getHost(), acs, signing, world.directory()));
            warmUp(http, base, log);
        } catch (RuntimeException e) {
            destroyTree(process);
            throw e;
        }
        world.idpTrust().useExternal("Keycloak " + KeycloakDistribution.VERSION,
                URI.create(base + "/realms/" + KeycloakRealm.NAME + "/protocol/saml"), signing.certificate());
        double seconds = (System.nanoTime() - began) / 1e9;
        progress.accept(String.format("Keycloak: ready, realm '%s' imported, after %.1f s", KeycloakRealm.NAME,
                seconds));
        return new KeycloakIdp(process, base, work, progress, System.nanoTime(), seconds);
    }

    /**
     * Keycloak builds its SAML stack and page templates on first use; on a loaded machine the first sign-in then
     * outlasts the client's 10 s read timeout. One request to the realm's SAML descriptor and one to its SAML
     * endpoint (an error page: no SAMLRequest) pay that cost here, with a generous deadline of their own.
     */
    private static void warmUp(HttpClient http, URI base, Path log) {
        String saml = base + "/realms/" + KeycloakRealm.NAME + "/protocol/saml";
        for (String uri : new String[] {saml + "/descriptor", saml}) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(WARM_UP_DEADLINE).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new KeycloakDistribution.Unavailable("Keycloak did not answer " + uri + " within "
                        + WARM_UP_DEADLINE.toSeconds() + " s after start (" + e.getMessage() + "): see " + log);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakDistribution.Unavailable("Interrupted while warming Keycloak up");
            }
        }
    }

    private static void awaitReady(Process process, HttpClient http, URI base, Path log) {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new KeycloakDistribution.Unavailable("Keycloak exited with status " + process.exitValue()
                        + " before it was ready: see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakDistribution.Unavailable("Interrupted while waiting for Keycloak");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakDistribution.Unavailable("Interrupted while waiting for Keycloak");
            }
        }
        throw new KeycloakDistribution.Unavailable("Keycloak was not ready within " + START_DEADLINE.toSeconds()
                + " s (its discovery URL did not answer 200): see " + log);
    }

    private static void importRealm(HttpClient http, URI base, String adminPassword, String realmJson) {
        try {
            String form = "grant_type=password&client_id=admin-cli&username=kit-admin&password="
                    + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new KeycloakDistribution.Unavailable("Keycloak refused the bootstrap admin: HTTP "
                        + token.statusCode());
            }
            String accessToken = JSON.readTree(token.body()).path("access_token").asText();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + accessToken)
                    .POST(HttpRequest.BodyPublishers.ofString(realmJson)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new KeycloakDistribution.Unavailable("Keycloak refused the realm of stubs/keycloak/realm.json: "
                        + "HTTP " + created.statusCode() + " " + created.body());
            }
        } catch (IOException e) {
            throw new KeycloakDistribution.Unavailable("Importing the Keycloak realm failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakDistribution.Unavailable("Interrupted while importing the Keycloak realm");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new KeycloakDistribution.Unavailable("No free loopback port for Keycloak: " + e.getMessage());
        }
    }

    public URI baseUri() {
        return base;
    }

    private void stopProcess() {
        destroyTree(process);
        KeycloakDistribution.delete(work);
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops Keycloak and prints what it cost this run (start plus stop). */
    @Override
    public void close() {
        long stopping = System.nanoTime();
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        double stopSeconds = (System.nanoTime() - stopping) / 1e9;
        progress.accept(String.format("Keycloak: stopped. Extra time for this run: %.1f s (start %.1f s, stop %.1f s;"
                + " served %.1f s)", startSeconds + stopSeconds, startSeconds, stopSeconds,
                (stopping - startedNanos) / 1e9));
    }
}
