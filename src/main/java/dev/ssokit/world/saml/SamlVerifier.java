package dev.ssokit.world.saml;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What IdS does with a SAMLResponse as a SAML service provider (SAML 2.0 Core §2, Profiles §4.1.4.3): the XML
 * signature against the IdP's certificate (Apache Santuario; every signature present must be valid, cover its own
 * element by ID and come from the trusted key; at least one must cover the assertion), status Success,
 * Destination and Recipient equal to the ACS URL, InResponseTo equal to the AuthnRequest's ID, the audience, and
 * the NotBefore/NotOnOrAfter window on the given clock. Anything else: {@link SamlRejected} with the reason.
 */
public final class SamlVerifier {
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private final X509Certificate trusted;
    private final String audience;
    private final String acsUrl;
    private final Clock clock;

    public SamlVerifier(X509Certificate trusted, String audience, String acsUrl, Clock clock) {
        this.trusted = trusted;
        this.audience = audience;
        this.acsUrl = acsUrl;
        this.clock = clock;
    }

    /** The verified assertion's content. */
    public record Verified(String responseId, String issuer, String nameId, Map<String, String> attributes) {
        public String attribute(String name, String fallback) {
            String value = attributes.get(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    public Verified verify(String samlResponseBase64, String expectedRequestId) {
        String xml;
        try {
            xml = new String(Base64.getMimeDecoder().decode(samlResponseBase64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlRejected("SAMLResponse is not base64");
        }
        Document document = SamlXml.parse(xml);
        Element response = document.getDocumentElement();
        if (!SamlXml.PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SamlRejected("the message is not a samlp:Response but " + response.getNodeName());
        }
        if (document.getElementsByTagNameNS(SamlXml.ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw new SamlRejected("encrypted assertions are not configured for this service provider");
        }
        NodeList assertions = document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion");
        if (assertions.getLength() != 1) {
            throw new SamlRejected("expected exactly one Assertion, found " + assertions.getLength());
        }
        Element assertion = (Element) assertions.item(0);
        if (assertion.getParentNode() != response) {
            throw new SamlRejected("the Assertion is not a child of the Response");
        }
        response.setIdAttributeNS(null, "ID", true);
        assertion.setIdAttributeNS(null, "ID", true);
        boolean responseSigned = checkSignature(response);
        boolean assertionSigned = checkSignature(assertion);
        if (!responseSigned && !assertionSigned) {
            throw new SamlRejected("neither the Response nor the Assertion is signed");
        }
        if (document.getElementsByTagNameNS(SamlXml.DSIG, "Signature").getLength()
                != (responseSigned ? 1 : 0) + (assertionSigned ? 1 : 0)) {
            throw new SamlRejected("a signature sits where no signed element expects it");
        }
        Element statusElement = SamlXml.child(response, SamlXml.PROTOCOL, "Status");
        Element status = statusElement == null ? null : SamlXml.child(statusElement, SamlXml.PROTOCOL, "StatusCode");
        if (status == null || !SUCCESS.equals(status.getAttribute("Value"))) {
            throw new SamlRejected("status is not Success: " + (status == null ? "none" : status.getAttribute("Value")));
        }
        String destination = response.getAttribute("Destination");
        if (!destination.isEmpty() && !destination.equals(acsUrl)) {
            throw new SamlRejected("Destination " + destination + " is not this ACS " + acsUrl);
        }
        if (!response.getAttribute("InResponseTo").equals(expectedRequestId)) {
            throw new SamlRejected("InResponseTo '" + response.getAttribute("InResponseTo")
                    + "' does not match the AuthnRequest ID of this session");
        }
        Instant now = clock.instant();
        checkSubject(assertion, expectedRequestId, now);
        checkConditions(assertion, now);
        return new Verified(response.getAttribute("ID"), SamlXml.text(SamlXml.child(assertion, SamlXml.ASSERTION,
                "Issuer")), nameId(assertion), attributes(assertion));
    }

    private boolean checkSignature(Element signed) {
        Element signatureElement = SamlXml.child(signed, SamlXml.DSIG, "Signature");
        if (signatureElement == null) {
            return false;
        }
        try {
            XMLSignature signature = new XMLSignature(signatureElement, "");
            if (signature.getSignedInfo().getLength() != 1) {
                throw new SamlRejected("the " + signed.getLocalName() + " signature has "
                        + signature.getSignedInfo().getLength() + " references, not one");
            }
            String uri = signature.getSignedInfo().item(0).getURI();
            if (!("#" + signed.getAttribute("ID")).equals(uri)) {
                throw new SamlRejected("the " + signed.getLocalName() + " signature covers '" + uri
                        + "', not the element itself");
            }
            if (!signature.checkSignatureValue(trusted.getPublicKey())) {
                throw new SamlRejected("the " + signed.getLocalName() + " signature does not verify against the "
                        + "IdP certificate " + trusted.getSubjectX500Principal().getName());
            }
            return true;
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new SamlRejected("the " + signed.getLocalName() + " signature cannot be checked: " + e.getMessage());
        }
    }

    private void checkSubject(Element assertion, String requestId, Instant now) {
        Element subject = SamlXml.child(assertion, SamlXml.ASSERTION, "Subject");
        Element confirmation = subject == null ? null : SamlXml.child(subject, SamlXml.ASSERTION, "SubjectConfirmation");
        Element data = confirmation == null ? null
                : SamlXml.child(confirmation, SamlXml.ASSERTION, "SubjectConfirmationData");
        if (data == null) {
            throw new SamlRejected("the assertion has no bearer SubjectConfirmationData");
        }
        if (!data.getAttribute("Recipient").equals(acsUrl)) {
            throw new SamlRejected("Recipient '" + data.getAttribute("Recipient") + "' is not this ACS " + acsUrl);
        }
        if (data.hasAttribute("InResponseTo") && !data.getAttribute("InResponseTo").equals(requestId)) {
            throw new SamlRejected("SubjectConfirmationData InResponseTo does not match the AuthnRequest ID");
        }
        if (!now.isBefore(instant(data, "NotOnOrAfter").plus(SKEW))) {
            throw new SamlRejected("the assertion is stale: SubjectConfirmationData NotOnOrAfter "
                    + data.getAttribute("NotOnOrAfter") + " is before now (" + now + ")");
        }
    }

    private void checkConditions(Element assertion, Instant now) {
        Element conditions = SamlXml.child(assertion, SamlXml.ASSERTION, "Conditions");
        if (conditions == null) {
            throw new SamlRejected("the assertion has no Conditions (audience and validity window)");
        }
        if (conditions.hasAttribute("NotBefore") && now.plus(SKEW).isBefore(instant(conditions, "NotBefore"))) {
            throw new SamlRejected("the assertion is not yet valid: NotBefore " + conditions.getAttribute("NotBefore"));
        }
        if (conditions.hasAttribute("NotOnOrAfter")
                && !now.isBefore(instant(conditions, "NotOnOrAfter").plus(SKEW))) {
            throw new SamlRejected("the assertion is stale: NotOnOrAfter " + conditions.getAttribute("NotOnOrAfter")
                    + " is before now (" + now + ")");
        }
        NodeList audiences = conditions.getElementsByTagNameNS(SamlXml.ASSERTION, "Audience");
        for (int i = 0; i < audiences.getLength(); i++) {
            if (audience.equals(audiences.item(i).getTextContent().trim())) {
                return;
            }
        }
        throw new SamlRejected("the assertion's audience is not this service provider (" + audience + ")");
    }

    private static Instant instant(Element element, String attribute) {
        try {
            return Instant.parse(element.getAttribute(attribute));
        } catch (DateTimeParseException e) {
            throw new SamlRejected(attribute + " '" + element.getAttribute(attribute) + "' is not an xs:dateTime");
        }
    }

    private static String nameId(Element assertion) {
        Element subject = SamlXml.child(assertion, SamlXml.ASSERTION, "Subject");
        return subject == null ? "" : SamlXml.text(SamlXml.child(subject, SamlXml.ASSERTION, "NameID"));
    }

    private static Map<String, String> attributes(Element assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        NodeList attributes = assertion.getElementsByTagNameNS(SamlXml.ASSERTION, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            Element value = SamlXml.child(attribute, SamlXml.ASSERTION, "AttributeValue");
            values.putIfAbsent(attribute.getAttribute("Name"), SamlXml.text(value));
        }
        return values;
    }
}
