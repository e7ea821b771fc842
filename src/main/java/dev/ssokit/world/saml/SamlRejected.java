package dev.ssokit.world.saml;

/** A SAML response the service provider refuses, with the reason (for IdS's 500 page and the tests). */
public final class SamlRejected extends RuntimeException {
    public SamlRejected(String reason) {
        super(reason);
    }
}
