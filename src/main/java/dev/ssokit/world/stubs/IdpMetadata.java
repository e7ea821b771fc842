package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * GET /FederationMetadata/2007-06/FederationMetadata.xml: the IdP's SAML metadata with its token-signing
 * certificate, where AD FS publishes it. IdS in standalone WireMock reads the certificate it trusts from here.
 */
final class IdpMetadata extends StubBehaviour {
    static final String PATH = "/FederationMetadata/2007-06/FederationMetadata.xml";

    IdpMetadata(StubContext context) {
        super("idp-metadata", context);
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        String certificate = java.util.Base64.getEncoder().encodeToString(certificateDer());
        return Answers.typed(200, "application/samlmetadata+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\""
                + Answers.escape(context.idp("/adfs/services/trust")) + "\"><md:IDPSSODescriptor "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor use=\"signing\">"
                + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificate + "</ds:X509Certificate></ds:X509Data>"
                + "</ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService "
                + "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + Answers.escape(context.idpSsoUrl()) + "\"/></md:IDPSSODescriptor></md:EntityDescriptor>");
    }

    private byte[] certificateDer() {
        try {
            return context.idpTrust.stubIdpKey().certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("The IdP's signing certificate cannot be encoded", e);
        }
    }
}
