package dev.ssokit.cli;

import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the stub world alone, for a partner's client (any language) to run against. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the stub Finesse, IdS and IdP and print their URLs and the CA to trust. Stops on Ctrl-C "
                + "or after --seconds.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder (holds stubs/)")
    private Path root;

    @Option(names = "--seconds", defaultValue = "3600", paramLabel = "N",
            description = "stop after N seconds, N at least 1 (default 3600)")
    private long seconds;

    @Option(names = "--topology", defaultValue = "distinct", paramLabel = "distinct|co-resident",
            description = "distinct (default): Finesse, IdS and IdP each on its own host; co-resident: Finesse and IdS on "
                    + "one host (ccx.test), two ports")
    private String topology;

    @Override
    public Integer call() throws InterruptedException {
        StubWorld world;
        try {
            Options.positive("--seconds", seconds);
            Path kitRoot = Options.root(root);
            world = StubWorld.start(kitRoot.resolve("stubs"), Options.coResident(topology)
                    ? StubWorld.coResidentHostNames() : StubWorld.defaultHostNames());
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("kit serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            world.close();
            stop.countDown();
        }));
        for (StubSystem system : StubSystem.values()) {
            System.out.printf("%-8s %s%n", system, world.baseUri(system));
        }
        System.out.println("Trust this CA (PKCS12, password '" + world.tls().storePassword() + "'): "
                + world.tls().trustStore());
        System.out.println("Map the host names to 127.0.0.1 as in " + root.resolve("stubs/hosts").toAbsolutePath()
                .normalize());
        System.out.println("Agents: " + world.directory().agents().stream().map(a -> a.loginName() + "/" + a.loginId())
                .toList() + " (passwords in stubs/users.json)");
        System.out.println("Serving for " + seconds + " s; Ctrl-C stops.");
        stop.await(seconds, TimeUnit.SECONDS);
        world.close();
        return 0;
    }
}
