package dev.ssokit.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything a client needs to reach a target: Finesse's base URI, the TLS trust for it, the clock its timers read,
 * the IdP form description, the bound on waiting for page scripts, and the defects to switch on (none for the
 * reference client).
 */
public record ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                             Duration scriptTimeout, Set<Defect> defects, Set<Variant> variants) {
    public ClientSettings {
        defects = Set.copyOf(defects);
        variants = Set.copyOf(variants);
    }

    /** The reference client, or a broken twin: no conformant variant switched on. */
    public ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                          Duration scriptTimeout, Set<Defect> defects) {
        this(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, Set.of());
    }

    public ClientSettings withDefects(Set<Defect> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, switchedOn, variants);
    }

    public ClientSettings withVariants(Set<Variant> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, switchedOn);
    }

    public boolean has(Variant variant) {
        return variants.contains(variant);
    }

    public boolean has(Defect defect) {
        return defects.contains(defect);
    }
}
