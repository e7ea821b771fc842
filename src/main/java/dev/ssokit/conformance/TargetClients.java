package dev.ssokit.conformance;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.Limits;
import dev.ssokit.client.Variant;
import dev.ssokit.client.idp.IdpPreset;
import dev.ssokit.conformance.runtarget.RunTarget;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The client's settings for a run against a {@link RunTarget}: its URL, the trust and proxy it gives, a wall clock. */
final class TargetClients {
    private TargetClients() {
    }

    static ClientSettings settings(RunTarget target, KitConfig config, List<IdpPreset> presets, Set<Defect> defects,
                                   Set<Variant> variants, Limits limits, URI finesse) {
        ClientSettings settings = new ClientSettings(finesse == null ? target.finesse() : finesse, target.clientTls(),
                Clock.systemUTC(), IdpLoginForm.adfs().withPresets(presets), config.scriptTimeout(), defects)
                .withVariants(variants)
                .withTrustStore("the trust " + target.describe() + " gives the client for this run")
                .withProxy(target.proxy().orElse(null));
        return limits == null ? settings : settings.withLimits(limits);
    }
}
