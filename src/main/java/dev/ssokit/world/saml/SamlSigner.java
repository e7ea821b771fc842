package dev.ssokit.world.saml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs a SAML Response the way AD FS and Keycloak do (Apache Santuario): an enveloped RSA-SHA256 signature with
 * exclusive canonicalisation on the Assertion, then on the Response, each placed right after its Issuer, with the
 * signing certificate in KeyInfo.
 */
public final class SamlSigner {
    private final PrivateKey key;
    private final X509Certificate certificate;

    public SamlSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    public String sign(String responseXml) {
        Document document = SamlXml.parse(responseXml);
        Element response = document.getDocumentElement();
        Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
        if (assertion != null) {
            signElement(document, assertion);
        }
        signElement(document, response);
        return SamlXml.write(document);
    }

    private void signElement(Document document, Element element) {
        try {
            String id = element.getAttribute("ID");
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Element issuer = SamlXml.child(element, SamlXml.ASSERTION, "Issuer");
            element.insertBefore(signature.getElement(), issuer == null ? element.getFirstChild()
                    : issuer.getNextSibling());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new IllegalStateException("Signing the SAML " + element.getLocalName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
