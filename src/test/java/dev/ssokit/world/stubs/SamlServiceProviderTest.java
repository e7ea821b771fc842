package dev.ssokit.world.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssokit.world.TlsMaterial;
import dev.ssokit.world.saml.SamlRejected;
import dev.ssokit.world.saml.SamlSigner;
import dev.ssokit.world.saml.SamlVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IdS as a SAML service provider: what it accepts from the IdP and what it refuses (SamlVerifier). */
class SamlServiceProviderTest {
    private static final String ACS = "https://ids.test:8553/ids/saml/response?metaAlias=/sp";
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static TlsMaterial.IssuedKey idpKey;
    private static TlsMaterial.IssuedKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        Path dir = Files.createTempDirectory("saml-sp-test");
        TlsMaterial tls = TlsMaterial.generate(List.of("ids.test"), dir);
        idpKey = tls.issueRsa("test IdP", List.of());
        otherKey = tls.issueRsa("someone else", List.of());
    }

    private static String response(String audience, Instant issued) {
        return Saml.response("_r1", "_req1", ACS, audience, "https://idp.test/adfs/services/trust", "sjefferson",
                "sjefferson@finesse.com", issued);
    }

    private static String signed(String xml, TlsMaterial.IssuedKey key) {
        return new SamlSigner(key.keys().getPrivate(), key.certificate()).sign(xml);
    }

    private static String b64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static SamlVerifier verifier(Instant now) {
        return new SamlVerifier(idpKey.certificate(), "ids.test", ACS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void acceptsASignedResponseForThisRequestAudienceAndAcs() {
        SamlVerifier.Verified verified = verifier(NOW.plusSeconds(5))
                .verify(b64(signed(response("ids.test", NOW), idpKey)), "_req1");
        assertThat(verified.nameId()).isEqualTo("sjefferson");
        assertThat(verified.attribute("user_principal", "")).isEqualTo("sjefferson@finesse.com");
        assertThat(verified.responseId()).isEqualTo("_r1");
    }

    @Test
    void refusesAnAssertionChangedAfterSigning() {
        String tampered = signed(response("ids.test", NOW), idpKey)
                .replace(">sjefferson</saml:NameID>", ">administrator</saml:NameID>");
        assertThatThrownBy(() -> verifier(NOW).verify(b64(tampered), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("does not verify");
    }

    @Test
    void refusesASignatureByAnotherKey() {
        assertThatThrownBy(() -> verifier(NOW).verify(b64(signed(response("ids.test", NOW), otherKey)), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("does not verify");
    }

    @Test
    void refusesAnUnsignedResponse() {
        assertThatThrownBy(() -> verifier(NOW).verify(b64(response("ids.test", NOW)), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("neither");
    }

    @Test
    void refusesAnotherAudience() {
        assertThatThrownBy(() -> verifier(NOW).verify(b64(signed(response("https://other.test/", NOW), idpKey)), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("audience");
    }

    @Test
    void refusesAStaleAssertion() {
        assertThatThrownBy(() -> verifier(NOW.plusSeconds(3600)).verify(b64(signed(response("ids.test", NOW), idpKey)),
                "_req1")).isInstanceOf(SamlRejected.class).hasMessageContaining("stale");
    }

    @Test
    void refusesAnAnswerToAnotherRequest() {
        assertThatThrownBy(() -> verifier(NOW).verify(b64(signed(response("ids.test", NOW), idpKey)), "_other"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("InResponseTo");
    }

    @Test
    void refusesAnotherRecipient() {
        SamlVerifier elsewhere = new SamlVerifier(idpKey.certificate(), "ids.test", "https://ids.test:1/other",
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> elsewhere.verify(b64(signed(response("ids.test", NOW), idpKey)), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("Destination");
    }

    @Test
    void refusesAWrappedSecondAssertion() {
        String good = signed(response("ids.test", NOW), idpKey);
        String wrapped = good.replace("</samlp:Response>", "<saml:Assertion ID=\"_evil\" Version=\"2.0\"/></samlp:Response>");
        assertThatThrownBy(() -> verifier(NOW).verify(b64(wrapped), "_req1"))
                .isInstanceOf(SamlRejected.class).hasMessageContaining("exactly one Assertion");
    }
}
