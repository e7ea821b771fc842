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
                             Duration scriptTimeout, Set<Defect> defects) {
    public ClientSettings {
        defects = Set.copyOf(defects);
    }

    public ClientSettings withDefects(Set<Defect> switchedOn) {
        return new ClientSettings(finesseBaseUri, tls, clock, idpLoginForm, scriptTimeout, switchedOn);
    }

    public boolean has(Defect defect) {
        return defects.contains(defect);
    }
}
