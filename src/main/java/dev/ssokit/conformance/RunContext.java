package dev.ssokit.conformance;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.Limits;
import dev.ssokit.client.browser.ReferenceClient;
import dev.ssokit.world.StubWorld;
import java.util.function.Supplier;

/**
 * What lives for a whole run: the configuration and the stub world (started once, on first use; each scenario
 * resets it). A run either owns its world or borrows one (the meta-run lends one world to many runs).
 */
public final class RunContext implements AutoCloseable {
    private final KitConfig config;
    private final Supplier<StubWorld> worldFactory;
    private final boolean ownsWorld;
    private StubWorld world;
    private boolean closed;
    private boolean warmedUp;

    private RunContext(KitConfig config, Supplier<StubWorld> worldFactory, boolean ownsWorld) {
        this.config = config;
        this.worldFactory = worldFactory;
        this.ownsWorld = ownsWorld;
    }

    public static RunContext owningWorld(KitConfig config) {
        return new RunContext(config, () -> StubWorld.start(config.stubs(), config.coResident()
                ? StubWorld.coResidentHostNames() : StubWorld.defaultHostNames()), true);
    }

    public static RunContext borrowingWorld(KitConfig config, StubWorld world) {
        return new RunContext(config, () -> world, false);
    }

    public KitConfig config() {
        return config;
    }

    public synchronized StubWorld world() {
        if (closed) {
            throw new IllegalStateException("the run is closing (interrupted): no stub world is started any more");
        }
        if (world == null) {
            world = worldFactory.get();
        }
        return world;
    }

    /** A fresh client under test for one scenario, pointed at the stub world. */
    public ClientUnderTest newClient() {
        return newClient(config.clientDefects());
    }

    /** A client with exactly these defects (none: the reference client, which contract scenarios use as a tool). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects) {
        return newClient(defects, null, null);
    }

    /**
     * A client with these defects, these limits (null: the defaults, settling scripts within the configured
     * script timeout) and this Finesse base URI (null: the stub world's).
     */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects, Limits limits,
                                     java.net.URI finesse) {
        StubWorld stubs = world();
        ClientSettings settings = new ClientSettings(finesse == null ? stubs.finesseBaseUri() : finesse,
                stubs.clientTls(), stubs.clock(), IdpLoginForm.adfs(), config.scriptTimeout(), defects)
                .withTrustStore("the stub world's CA (" + stubs.tls().trustStore() + ")");
        return ReferenceClient.create(limits == null ? settings : settings.withLimits(limits));
    }

    /**
     * Once per run: a throw-away reference client loads a page with a script, so HtmlUnit's start-up (class
     * loading, the JavaScript engine) is paid before a scenario whose client has short limits (the robustness
     * catalogue); then the world is reset. Later calls do nothing.
     */
    public synchronized void warmUpClient() {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        StubWorld stubs = world();
        stubs.hostile().answer(dev.ssokit.world.StubSystem.FINESSE, "/kit/warm-up", 200, "text/html",
                "<html><head><title>warm-up</title></head><body><script>document.title = 'warm';</script></body></html>");
        try (ClientUnderTest warm = newClient(java.util.Set.of())) {
            warm.browse(stubs.finesseBaseUri().resolve("/kit/warm-up"));
            warm.readSystemAuthMode();
        }
        stubs.reset();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ownsWorld && world != null) {
            world.close();
            world = null;
        }
    }
}
