package dev.ssokit.lab.record;

import dev.ssokit.labtarget.LabTarget;
import dev.ssokit.labtarget.TrustBundle;
import dev.ssokit.model.Secret;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.net.URI;
import java.security.KeyStore;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * One side a flow is captured from: a lab (from its target file) or the embedded stubs. Its URLs, the trust for
 * its certificates, the clock its tokens are read on, and the one agent whose flow is driven (login name, extension,
 * password: a secret, never shown; the name typed on the IdP page).
 */
public record LabSide(String name, URI finesse, URI ids, KeyStore trust, SSLContext tls, String loginName,
                      String extension, Secret password, java.time.Clock clock, String idpLoginName) {

    /** The target's first agent; its password from the target's secret source (env: or file:). */
    public static LabSide of(LabTarget target, Function<String, String> environment) {
        LabTarget.Agent agent = target.agents().get(0);
        Optional<String> password = agent.password().resolve(environment);
        if (password.isEmpty()) {
            throw new IllegalArgumentException(target.file() + ": agents[0].password: " + agent.password()
                    + " holds no secret. Fix: " + agent.password().fix());
        }
        TrustBundle trust = TrustBundle.load(target.trust(), environment);
        return new LabSide(target.name(), target.finesse(), target.ids(), trust.keyStore(), trust.sslContext(),
                agent.loginName(), agent.extension(), Secret.of(password.get()), java.time.Clock.systemUTC(),
                agent.idpLoginName());
    }

    /** The embedded stub world's Finesse and IdS, and its first SSO agent. */
    public static LabSide of(StubWorld world) {
        dev.ssokit.model.Agent agent = world.directory().agents().stream()
                .filter(a -> a.authMode() == dev.ssokit.model.AuthMode.SSO).findFirst().orElseThrow();
        return new LabSide("embedded stubs", world.baseUri(StubSystem.FINESSE), world.baseUri(StubSystem.IDS),
                world.tls().trustKeyStore(), world.clientTls(), agent.loginName(), agent.extension(), agent.password(), world.clock(),
                agent.idpLoginName());
    }
}
