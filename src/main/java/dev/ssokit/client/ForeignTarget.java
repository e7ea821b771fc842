package dev.ssokit.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a client that is not the kit's own (an adapter process, a real browser) needs to reach the target, as files
 * and lines any language can use: Finesse's base URL, the CA to trust as a PEM file, the host names to map to
 * loopback with every port they serve on, the clock the target's tokens follow, and a folder for the client's
 * own state (cookies, tokens) that the operations of one scenario share.
 *
 * @param hosts     the target's host names, each mapped to {@code 127.0.0.1}
 * @param ports     every port the target serves on (its HTTPS ports and Finesse's plain-http port)
 * @param hostsFile a hosts file listing the same names (for -Djdk.net.hosts.file, .NET or a container)
 * @param deadline  the bound on one operation; a client that takes longer is stopped
 */
public record ForeignTarget(URI finesseBaseUri, Path caPem, List<String> hosts, List<Integer> ports, Path hostsFile,
                            Clock clock, Path workDirectory, Duration deadline) {
    public ForeignTarget {
        hosts = List.copyOf(hosts);
        ports = List.copyOf(ports);
    }

    /** Chromium's {@code --host-resolver-rules}: every name to loopback, nothing else resolved. */
    public String hostResolverRules() {
        return hosts.stream().map(host -> "MAP " + host + " 127.0.0.1").collect(Collectors.joining(", "));
    }

    /** curl's {@code --resolve host:port:127.0.0.1}, one per name and port. */
    public List<String> curlResolve() {
        return hosts.stream().flatMap(host -> ports.stream().map(port -> host + ":" + port + ":127.0.0.1")).toList();
    }

    /** The same target for a new folder (each scenario's client gets its own). */
    public ForeignTarget inFolder(Path folder) {
        return new ForeignTarget(finesseBaseUri, caPem, hosts, ports, hostsFile, clock, folder, deadline);
    }
}
