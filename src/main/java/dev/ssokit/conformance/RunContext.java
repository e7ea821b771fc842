package dev.ssokit.conformance;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.HtmlUnitClient;
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
        if (world == null) {
            world = worldFactory.get();
        }
        return world;
    }

    /** A fresh client under test for one scenario, pointed at the stub world. */
    public ClientUnderTest newClient() {
        return newClient(config.clientDefects(), config.clientVariants());
    }

    /** A client with exactly these defects (none: the reference client, which contract scenarios use as a tool). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects) {
        return newClient(defects, java.util.Set.of());
    }

    /** A client with these defects and these conformant variants ({@link dev.ssokit.client.Variant}). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects,
                                     java.util.Set<dev.ssokit.client.Variant> variants) {
        StubWorld stubs = world();
        return new HtmlUnitClient(new ClientSettings(stubs.finesseBaseUri(), stubs.clientTls(), stubs.clock(),
                IdpLoginForm.adfs(), config.scriptTimeout(), defects, variants));
    }

    @Override
    public synchronized void close() {
        if (ownsWorld && world != null) {
            world.close();
            world = null;
        }
    }
}
