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
    private ClientChoice foreignClient;
    private ForeignTargets foreignTargets;
    private java.nio.file.Path signKey;
    private boolean closed;
    private boolean warmedUp;
    private dev.ssokit.world.keycloak.KeycloakIdp keycloak;
    private dev.ssokit.conformance.runtarget.RunTarget target;

    private RunContext(KitConfig config, Supplier<StubWorld> worldFactory, boolean ownsWorld) {
        this.config = config;
        this.worldFactory = worldFactory;
        this.ownsWorld = ownsWorld;
    }

    public static RunContext owningWorld(KitConfig config) {
        return new RunContext(config, () -> StubWorld.start(config.stubs(), config.coResident()
                ? StubWorld.coResidentHostNames() : StubWorld.defaultHostNames()), true);
    }

    /** A replay of a lab recording (kit record): the world serves only the recorded mappings under {@code stubs}. */
    public static RunContext replaying(KitConfig config, java.nio.file.Path stubs) {
        RunContext context = new RunContext(config, () -> StubWorld.start(stubs, StubWorld.defaultHostNames()), true);
        context.replaying = true;
        return context;
    }

    /** True when the world is a replay of a recording: only scenarios tagged @replay can run on it. */
    public boolean replaying() {
        return replaying;
    }

    private boolean replaying;

    public static RunContext borrowingWorld(KitConfig config, StubWorld world) {
        return new RunContext(config, () -> world, false);
    }

    public KitConfig config() {
        return config;
    }

    public synchronized StubWorld world() {
        if (target != null) {
            throw new IllegalStateException("this step sets up or reads the embedded stub world, which a run against "
                    + target.describe() + " does not have: tag the scenario @needs:stub-control (or the need it has)");
        }
        if (closed) {
            throw new IllegalStateException("the run is closing (interrupted): no stub world is started any more");
        }
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
        if (foreignClient != null) {
            return foreignClient.maker().apply(foreignTargets().next());
        }
        return newClient(config.clientDefects(), config.clientVariants());
    }

    /** Runs against this target (a lab, a replay) instead of the embedded stub world (before the run starts). */
    public RunContext withTarget(dev.ssokit.conformance.runtarget.RunTarget runTarget) {
        this.target = runTarget;
        return this;
    }

    /** The target the run talks to; empty: the embedded stub world. */
    public java.util.Optional<dev.ssokit.conformance.runtarget.RunTarget> target() {
        return java.util.Optional.ofNullable(target);
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
        return newClient(defects, java.util.Set.of(), null, null);
    }

    /** A client with these defects and these conformant variants ({@link dev.ssokit.client.Variant}). */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects,
                                     java.util.Set<dev.ssokit.client.Variant> variants) {
        return newClient(defects, variants, null, null);
    }

    /**
     * A client with these defects and variants, these limits (null: the defaults, settling scripts within the
     * configured script timeout) and this Finesse base URI (null: the stub world's).
     */
    public ClientUnderTest newClient(java.util.Set<dev.ssokit.client.Defect> defects,
                                     java.util.Set<dev.ssokit.client.Variant> variants, Limits limits,
                                     java.net.URI finesse) {
        if (target != null) {
            return ReferenceClient.create(TargetClients.settings(target, config, presets(), defects, variants, limits,
                    finesse));
        }
        StubWorld stubs = world();
        ClientSettings settings = new ClientSettings(finesse == null ? stubs.finesseBaseUri() : finesse,
                stubs.clientTls(), stubs.clock(), (config.keycloak() ? IdpLoginForm.keycloak() : IdpLoginForm.adfs()).withPresets(presets()),
                config.scriptTimeout(), defects)
                .withVariants(variants)
                .withTrustStore("the stub world's CA (" + stubs.tls().trustStore() + ")");
        return ReferenceClient.create(limits == null ? settings : settings.withLimits(limits));
    }

    /**
     * Once per run: a throw-away reference client loads a page with a script, so HtmlUnit's start-up (class
     * loading, the JavaScript engine) is paid before a scenario whose client has short limits (the robustness
     * catalogue); then the world is reset. Later calls do nothing.
     */
    public synchronized void warmUpClient() {
        if (warmedUp || target != null) {
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
        if (foreignTargets != null) {
            foreignTargets.close();
            foreignTargets = null;
        }
        closed = true;
        if (target != null) {
            target.close();
        }
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
