package dev.ssokit.conformance;

import dev.ssokit.client.ForeignTarget;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stub world as a foreign client sees it: the CA as a PEM file, every host name and port, the hosts file and a
 * fresh state folder per client. Lives for a run; its temporary folder goes when the run ends.
 */
public final class ForeignTargets implements AutoCloseable {
    private final ForeignTarget base;
    private final Path folder;
    private int clients;

    public ForeignTargets(StubWorld world, Path hostsFile, Duration deadline) {
        try {
            folder = Files.createTempDirectory("finesse-sso-kit-clients-");
            Certificate ca = world.tls().trustKeyStore().getCertificate("stub-ca");
            Path pem = folder.resolve("stub-ca.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            Set<String> hosts = new LinkedHashSet<>();
            Set<Integer> ports = new LinkedHashSet<>();
            for (StubSystem system : StubSystem.values()) {
                hosts.add(world.baseUri(system).getHost());
                ports.add(world.baseUri(system).getPort());
            }
            hosts.addAll(StubWorld.LAB_HOST_NAMES);
            ports.add(world.labUri("${finesse-http}", "").getPort());
            base = new ForeignTarget(world.finesseBaseUri(), pem, new ArrayList<>(hosts), List.copyOf(ports),
                    hostsFile.toAbsolutePath(), world.clock(), folder, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the foreign client's trust files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the stub CA: " + e.getMessage(), e);
        }
    }

    /** The target for one more client, with its own empty state folder. */
    public synchronized ForeignTarget next() {
        Path state = folder.resolve("client-" + (++clients));
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + state, e);
        }
        return base.inFolder(state);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder holds only a public CA certificate and a client's throw-away cookies
        }
    }
}
