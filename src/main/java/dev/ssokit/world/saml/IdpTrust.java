package dev.ssokit.world.saml;

import dev.ssokit.world.TlsMaterial.IssuedKey;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;

/**
 * Which SAML IdP IdS trusts in this run: by default the stub IdP (its own RSA key and certificate from the world
 * CA), or an external IdP such as Keycloak (its SSO URL and signing certificate). One per world, kept across
 * scenario resets. An external IdP stamps its assertions with the real time, so its window is checked on the
 * system clock; the stub IdP's on the world's virtual clock.
 */
public final class IdpTrust {
    private final IssuedKey stubIdpKey;
    private final Clock worldClock;
    private volatile External external;

    private record External(String name, URI ssoUrl, X509Certificate certificate) {
    }

    public IdpTrust(IssuedKey stubIdpKey, Clock worldClock) {
        this.stubIdpKey = stubIdpKey;
        this.worldClock = worldClock;
    }

    /** From now on IdS sends its AuthnRequests to this IdP and trusts only this certificate. */
    public void useExternal(String name, URI ssoUrl, X509Certificate certificate) {
        external = new External(name, ssoUrl, certificate);
    }

    public boolean external() {
        return external != null;
    }

    /** The external IdP's SSO URL; empty while the stub IdP serves. */
    public Optional<URI> externalSsoUrl() {
        External current = external;
        return current == null ? Optional.empty() : Optional.of(current.ssoUrl());
    }

    public Optional<String> externalName() {
        External current = external;
        return current == null ? Optional.empty() : Optional.of(current.name());
    }

    public X509Certificate trustedCertificate() {
        External current = external;
        return current == null ? stubIdpKey.certificate() : current.certificate();
    }

    public Clock assertionClock() {
        return external == null ? worldClock : Clock.systemUTC();
    }

    public SamlSigner stubIdpSigner() {
        return new SamlSigner(stubIdpKey.keys().getPrivate(), stubIdpKey.certificate());
    }

    public IssuedKey stubIdpKey() {
        return stubIdpKey;
    }
}
