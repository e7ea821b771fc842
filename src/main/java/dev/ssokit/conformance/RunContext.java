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
    private ClientChoice foreignClient;
    private ForeignTargets foreignTargets;
    private java.nio.file.Path signKey;

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
        if (foreignClient != null) {
            return foreignClient.maker().apply(foreignTargets().next());
        }
        return newClient(config.clientDefects());
    }

    /** Puts a partner's adapter or Chromium under test instead of the reference client (before the run starts). */
    public RunContext withClient(ClientChoice choice) {
        this.foreignClient = choice;
        return this;
    }

    /** Signs the report's evidence digest with this private key (PEM, Ed25519 or RSA); null: unsigned. */
    public RunContext withSignKey(java.nio.file.Path key) {
        this.signKey = key;
        return this;
    }

    public java.nio.file.Path signKey() {
        return signKey;
    }

    /** The client under test's id: the foreign client's name, or the reference client's (with its defects). */
    public String clientId() {
        return foreignClient != null ? foreignClient.id() : config.clientId();
    }

    public String clientVersion() {
        return foreignClient != null ? foreignClient.version() : dev.ssokit.report.Versions.kit();
    }

    /** Why the client under test cannot run scenarios that need this capability; empty: it can. */
    public java.util.Optional<String> lacking(dev.ssokit.client.Capability capability) {
        return foreignClient == null ? java.util.Optional.empty() : foreignClient.lacking(capability);
    }

    private synchronized ForeignTargets foreignTargets() {
        if (foreignTargets == null) {
            foreignTargets = new ForeignTargets(world(), config.stubs().resolve("hosts"), foreignClient.deadline());
        }
        return foreignTargets;
    }

    /** A client with exactly these defects (none: the reference client, which contract scenarios use as a tool). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects) {
        StubWorld stubs = world();
        return new HtmlUnitClient(new ClientSettings(stubs.finesseBaseUri(), stubs.clientTls(), stubs.clock(),
                IdpLoginForm.adfs(), config.scriptTimeout(), defects));
    }

    @Override
    public synchronized void close() {
        if (foreignTargets != null) {
            foreignTargets.close();
            foreignTargets = null;
        }
        if (ownsWorld && world != null) {
            world.close();
            world = null;
        }
    }
}
