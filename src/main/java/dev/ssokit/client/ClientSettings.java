package dev.ssokit.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything a client needs to reach a target: Finesse's base URI, the TLS trust for it (and, for messages, which
 * trust store that is), the clock its timers read, the IdP form description, the bound on waiting for page
 * scripts, the defects to switch on (none for the reference client), the conformant variants to switch on
 * ({@link Variant}) and the {@link Limits} it holds itself to.
 */
public record ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                             Duration scriptTimeout, Set<Defect> defects, Set<Variant> variants, Limits limits,
                             String trustStore, java.net.InetSocketAddress proxy) {
    public ClientSettings {
        defects = Set.copyOf(defects);
        variants = variants == null ? Set.of() : Set.copyOf(variants);
        limits = limits == null ? Limits.defaults(scriptTimeout) : limits;
        trustStore = trustStore == null ? "the SSLContext the client was given" : trustStore;
    }

    /** Without an HTTP proxy (the client connects to its targets directly). */
    public ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                          Duration scriptTimeout, Set<Defect> defects, Set<Variant> variants, Limits limits,
                          String trustStore) {
        this(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, variants, limits, trustStore, null);
    }

    /** The reference client, or a broken twin: no conformant variant switched on, default limits. */
    public ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                          Duration scriptTimeout, Set<Defect> defects) {
        this(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, Set.of(), null, null);
    }

    public ClientSettings withDefects(Set<Defect> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, switchedOn, variants,
                limits, trustStore, proxy);
    }

    public ClientSettings withVariants(Set<Variant> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, switchedOn,
                limits, trustStore, proxy);
    }

    public ClientSettings withLimits(Limits bounds) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, bounds.scriptSettle(), defects, variants,
                bounds, trustStore, proxy);
    }

    public ClientSettings withFinesse(URI base) {
        return new ClientSettings(base, tls, clock, idpLoginForm, scriptTimeout, defects, variants, limits,
                trustStore);
    }

    public ClientSettings withTrustStore(String description) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, variants, limits,
                description, proxy);
    }

    /** Every request through this HTTP proxy (HTTPS by CONNECT): the lab recorder's; null: direct. */
    public ClientSettings withProxy(java.net.InetSocketAddress httpProxy) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, variants, limits,
                trustStore, httpProxy);
    }

    public boolean has(Variant variant) {
        return variants.contains(variant);
    }

    public boolean has(Defect defect) {
        return defects.contains(defect);
    }
}
