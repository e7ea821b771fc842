package dev.ssokit.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything a client needs to reach a target: Finesse's base URI, the TLS trust for it (and, for messages, which
 * trust store that is), the clock its timers read, the IdP form description, the bound on waiting for page
 * scripts, the defects to switch on (none for the reference client) and the {@link Limits} it holds itself to.
 */
public record ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                             Duration scriptTimeout, Set<Defect> defects, Limits limits, String trustStore) {
    public ClientSettings {
        defects = Set.copyOf(defects);
        limits = limits == null ? Limits.defaults(scriptTimeout) : limits;
        trustStore = trustStore == null ? "the SSLContext the client was given" : trustStore;
    }

    public ClientSettings(URI finesseBaseUri, SSLContext tls, Clock clock, IdpLoginForm idpLoginForm,
                          Duration scriptTimeout, Set<Defect> defects) {
        this(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, null, null);
    }

    public ClientSettings withDefects(Set<Defect> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, switchedOn, limits,
                trustStore);
    }

    public ClientSettings withLimits(Limits bounds) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, bounds.scriptSettle(), defects, bounds,
                trustStore);
    }

    public ClientSettings withFinesse(URI base) {
        return new ClientSettings(base, tls, clock, idpLoginForm, scriptTimeout, defects, limits, trustStore);
    }

    public ClientSettings withTrustStore(String description) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, defects, limits,
                description);
    }

    public boolean has(Defect defect) {
        return defects.contains(defect);
    }
}
