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
    private dev.ssokit.world.keycloak.KeycloakIdp keycloak;

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
            if (ownsWorld && config.keycloak()) {
                try {
                    keycloak = dev.ssokit.world.keycloak.KeycloakIdp.start(config.root(), config.keycloakJavaHome(),
                            world, System.out::println);
                } catch (RuntimeException e) {
                    world.close();
                    world = null;
                    throw e;
                }
            }
        }
        return world;
    }

    /** A fresh client under test for one scenario, pointed at the stub world. */
    public ClientUnderTest newClient() {
        return newClient(config.clientDefects());
    }

    /** A client with exactly these defects (none: the reference client, which contract scenarios use as a tool). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects) {
        StubWorld stubs = world();
        return new HtmlUnitClient(new ClientSettings(stubs.finesseBaseUri(), stubs.clientTls(), stubs.clock(),
                (config.keycloak() ? IdpLoginForm.keycloak() : IdpLoginForm.adfs()).withPresets(presets()),
                config.scriptTimeout(), defects));
    }

    private java.util.List<dev.ssokit.client.idp.IdpPreset> presets;

    /** The IdP presets of stubs/idp/presets/, read once per run. */
    private synchronized java.util.List<dev.ssokit.client.idp.IdpPreset> presets() {
        if (presets == null) {
            presets = dev.ssokit.client.idp.IdpPresets.load(config.stubs().resolve("idp/presets"));
        }
        return presets;
    }

    @Override
    public synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (ownsWorld && world != null) {
            world.close();
            world = null;
        }
    }
}
