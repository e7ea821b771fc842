package dev.ssokit.world.stubs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Just enough SAML for the stubs: an AuthnRequest shaped like the one in the UCCX design guide (Destination,
 * ForceAuthn="false", IsPassive="false"), sent with the HTTP-Redirect binding (raw deflate + base64) or HTTP-POST,
 * and a Response carrying uid and user_principal, which the IdP stub signs and IdS verifies ({@code world.saml}).
 */
final class Saml {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(ID|InResponseTo|AssertionConsumerServiceURL)=\"([^\"]*)\"");

    private Saml() {
    }

    static String authnRequest(String id, String destination, String acsUrl, String issuer, String instant) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + id
                + "\" Version=\"2.0\" IssueInstant=\"" + instant + "\" Destination=\"" + Answers.escape(destination)
                + "\" ForceAuthn=\"false\" IsPassive=\"false\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:"
                + "bindings:HTTP-POST\" AssertionConsumerServiceURL=\"" + Answers.escape(acsUrl) + "\"><saml:Issuer "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + issuer + "</saml:Issuer><samlp:NameIDPolicy "
                + "Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\" SPNameQualifier=\"" + issuer
                + "\" AllowCreate=\"true\"/></samlp:AuthnRequest>";
    }

    /** An unsigned Response (the IdP stub signs it with {@code SamlSigner}); valid for 5 minutes from instant. */
    static String response(String id, String inResponseTo, String acsUrl, String audience, String issuer, String uid,
                           String upn, java.time.Instant instant) {
        String now = instant.toString();
        String until = instant.plusSeconds(300).toString();
        String assertionId = "_a" + id.substring(1);
        return "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:"
                + "tc:SAML:2.0:assertion\" ID=\"" + id + "\" InResponseTo=\"" + inResponseTo + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + now + "\" Destination=\"" + Answers.escape(acsUrl) + "\"><saml:Issuer>"
                + Answers.escape(issuer) + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:"
                + "SAML:2.0:status:Success\"/></samlp:Status><saml:Assertion ID=\"" + assertionId + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + now + "\"><saml:Issuer>" + Answers.escape(issuer) + "</saml:Issuer><saml:Subject>"
                + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\">" + Answers.escape(uid)
                + "</saml:NameID><saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<saml:SubjectConfirmationData InResponseTo=\"" + inResponseTo + "\" NotOnOrAfter=\"" + until
                + "\" Recipient=\"" + Answers.escape(acsUrl) + "\"/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + now + "\" NotOnOrAfter=\"" + until + "\"><saml:AudienceRestriction>"
                + "<saml:Audience>" + audience + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
                + "<saml:AuthnStatement AuthnInstant=\"" + now + "\"><saml:AuthnContext><saml:AuthnContextClassRef>"
                + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>"
                + "</saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement><saml:Attribute Name=\"uid\">"
                + "<saml:AttributeValue>" + Answers.escape(uid) + "</saml:AttributeValue></saml:Attribute>"
                + "<saml:Attribute Name=\"user_principal\"><saml:AttributeValue>" + Answers.escape(upn)
                + "</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>";
    }

    static Optional<String> attribute(String xml, String name) {
        Matcher matcher = ATTRIBUTE.matcher(xml);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return Optional.of(matcher.group(2));
            }
        }
        return Optional.empty();
    }

    static String deflateAndEncode(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static Optional<String> decodeAndInflate(String encoded) {
        try {
            Inflater inflater = new Inflater(true);
            inflater.setInput(Base64.getDecoder().decode(encoded));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, count);
            }
            inflater.end();
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DataFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
