package dev.ssokit.world;

import java.util.Map;

/**
 * How to start a stub world: host names, ports (0 = any free port), TLS (null = a throw-away CA of its own),
 * clock and server threads. The embedded test runs use {@link #embedded}; {@code ./kit serve} fixed ports, a
 * wall clock and a CA that may persist.
 *
 * @param finesseHttpPort Finesse's plain-HTTP port (lab pages for Secure cookies and downgrades)
 * @param containerThreads Jetty threads per server (a session of serve needs fewer than a test run)
 */
public record WorldSpec(Map<StubSystem, String> hostNames, int finessePort, int finesseHttpPort, int idsPort,
                        int idpPort, TlsMaterial tls, boolean wallClock, int containerThreads) {
    public WorldSpec {
        hostNames = Map.copyOf(hostNames);
        for (int port : new int[] {finessePort, finesseHttpPort, idsPort, idpPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is out of range: use 1-65535, or 0 for any free port");
            }
        }
    }

    /** Ephemeral ports, its own CA, the virtual clock: what scenarios and tests use. */
    public static WorldSpec embedded(Map<StubSystem, String> hostNames) {
        return new WorldSpec(hostNames, 0, 0, 0, 0, null, false, 12);
    }

    public WorldSpec withPorts(int finesse, int finesseHttp, int ids, int idp) {
        return new WorldSpec(hostNames, finesse, finesseHttp, ids, idp, tls, wallClock, containerThreads);
    }

    public WorldSpec withTls(TlsMaterial material) {
        return new WorldSpec(hostNames, finessePort, finesseHttpPort, idsPort, idpPort, material, wallClock,
                containerThreads);
    }

    public WorldSpec withWallClock(boolean wall) {
        return new WorldSpec(hostNames, finessePort, finesseHttpPort, idsPort, idpPort, tls, wall, containerThreads);
    }

    public WorldSpec withContainerThreads(int threads) {
        return new WorldSpec(hostNames, finessePort, finesseHttpPort, idsPort, idpPort, tls, wallClock, threads);
    }

    int httpsPort(StubSystem system) {
        return switch (system) {
            case FINESSE -> finessePort;
            case IDS -> idsPort;
            case IDP -> idpPort;
        };
    }
}
