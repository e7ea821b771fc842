package dev.ssokit.cli;

import dev.ssokit.world.WorldDescription;
import dev.ssokit.world.serve.Serve;
import dev.ssokit.world.serve.ServeOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the stub world as a product, for a partner's client (any language) to run against. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the stub Finesse, IdS and IdP on fixed ports with a wall clock, write world.json (URLs, "
                + "CA, resolver lines, agents, control API) and serve until --seconds pass, Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder (holds stubs/)")
    private Path root;

    @Option(names = "--state", paramLabel = "DIR", description = "keep the CA (key 0600) and the control token here "
            + "and reuse them next start; without it both are throw-away")
    private Path state;

    @Option(names = "--world", defaultValue = "world.json", paramLabel = "FILE", description = "where to write world.json (default ./world.json, mode 0600: it holds the control token)")
    private Path worldFile;

    @Option(names = "--topology", defaultValue = "distinct", paramLabel = "distinct|co-resident",
            description = "co-resident: Finesse and IdS on one host name (ccx.test), two ports")
    private String topology;

    @Option(names = "--finesse-port", defaultValue = "" + ServeOptions.FINESSE_PORT, description = "Finesse HTTPS (default 8445; 0 = any free port)")
    private int finessePort;

    @Option(names = "--http-port", defaultValue = "" + ServeOptions.HTTP_PORT, description = "Finesse plain HTTP (default 8082)")
    private int httpPort;

    @Option(names = "--ids-port", defaultValue = "" + ServeOptions.IDS_PORT, description = "IdS HTTPS (default 8553)")
    private int idsPort;

    @Option(names = "--idp-port", defaultValue = "" + ServeOptions.IDP_PORT, description = "IdP HTTPS (default 8443)")
    private int idpPort;

    @Option(names = "--control-port", defaultValue = "" + ServeOptions.CONTROL_PORT, description = "control API on 127.0.0.1 (default 8600)")
    private int controlPort;

    @Option(names = "--finesse-host", paramLabel = "NAME", description = "Finesse's host name (must resolve to 127.0.0.1)")
    private String finesseHost;

    @Option(names = "--ids-host", paramLabel = "NAME", description = "IdS's host name")
    private String idsHost;

    @Option(names = "--idp-host", paramLabel = "NAME", description = "the IdP's host name")
    private String idpHost;

    @Option(names = "--token-lifetime", defaultValue = "0", paramLabel = "SECONDS",
            description = "access-token lifetime (default 300 s): short ones make a client's refresh visible in real time")
    private long tokenLifetime;

    @Option(names = "--seconds", defaultValue = "28800", paramLabel = "N", description = "stop after N seconds (default 8 h)")
    private long seconds;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 1) {
            System.err.println("kit serve: --seconds must be at least 1; got " + seconds);
            return 2;
        }
        if (tokenLifetime < 0 || tokenLifetime > 86_400) {
            System.err.println("kit serve: --token-lifetime must be 1-86400 seconds; got " + tokenLifetime);
            return 2;
        }
        if (!topology.equals("distinct") && !topology.equals("co-resident")) {
            System.err.println("kit serve: --topology is 'distinct' or 'co-resident'; got '" + topology + "'");
            return 2;
        }
        Path kitRoot;
        try {
            kitRoot = Options.root(root);
        } catch (IllegalArgumentException e) {
            System.err.println("kit serve: " + e.getMessage());
            return 2;
        }
        ServeOptions options = new ServeOptions(kitRoot, Optional.ofNullable(state),
                worldFile, topology.equals("co-resident"), finesseHost, idsHost, idpHost, finessePort, httpPort,
                idsPort, idpPort, controlPort, tokenLifetime, true, 50_000);
        Serve serve;
        try {
            serve = Serve.start(options);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("kit serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            serve.close();
            stop.countDown();
        }, "kit-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        print(serve.describe(serve.sessions().defaultSession()), serve);
        boolean stopped = stop.await(seconds, TimeUnit.SECONDS);
        if (!stopped) {
            System.out.println("Served " + seconds + " s; stopping.");
        }
        serve.close();
        return 0;
    }

    private static void print(WorldDescription w, Serve serve) {
        System.out.println("Finesse SSO Kit stub world (" + w.topology() + ", " + w.clock() + " clock, access token "
                + w.tokens().accessTokenSeconds() + " s)");
        System.out.printf("  Finesse   %s   (plain HTTP %s)%n", w.urls().finesse(), w.urls().finesseHttp());
        System.out.printf("  IdS       %s%n", w.urls().ids());
        System.out.printf("  IdP       %s%n", w.urls().idp());
        System.out.println("  lab       " + String.join("  ", w.urls().lab().values()));
        System.out.println("Trust the stub CA (and nothing else):");
        System.out.println("  PEM       " + w.trust().caPem() + (w.trust().persistent() ? "   (kept in --state)" : "   (throw-away: --state DIR keeps it)"));
        System.out.println("  PKCS12    " + w.trust().pkcs12() + "   alias '" + w.trust().pkcs12Alias()
                + "', password '" + w.trust().pkcs12Password() + "'");
        System.out.println("Resolve the names to 127.0.0.1:");
        System.out.println("  hosts     " + w.resolver().hostsLine() + "   (file: " + w.resolver().hostsFile() + ")");
        System.out.println("  Java      " + w.resolver().java().get(0));
        System.out.println("  Chromium  " + w.resolver().chromium());
        System.out.println("  curl      " + String.join(" ", w.resolver().curl()));
        System.out.println("Agents: " + w.agents().stream().map(a -> a.loginName() + "/" + a.loginId()).toList()
                + " (passwords: test data in " + w.passwordsFile() + ")");
        System.out.println("Control API " + serve.controlUrl() + "  Authorization: Bearer " + serve.token()
                + (w.control().tokenFile() != null ? "   (also in " + w.control().tokenFile() + ")" : ""));
        System.out.println("world.json  " + serve.worldFile());
        System.out.println("Ready. Ctrl-C or SIGTERM stops; ./kit verify --world " + serve.worldFile() + " judges the session.");
    }
}
