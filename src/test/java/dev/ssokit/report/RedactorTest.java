package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String JWT = "eyJjdHkiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpZHMudGVzdCIsInN1YiI6Int9In0."
            + "c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
    private final Redactor redactor = Redactor.standard();

    @Test
    void masksJwtsWhereverTheyStand() {
        assertThat(redactor.redact("token " + JWT + " end")).doesNotContain(JWT).contains("***#");
    }

    @Test
    void masksSecretParametersInUrlsAndFormsButKeepsTheirNames() {
        String url = "https://finesse.test/desktop/sso/authcode?code=Abc123Def456Ghi789&state=aHR0cHM6Ly9m";
        String redacted = redactor.redact(url);
        assertThat(redacted).contains("code=***").contains("state=***").doesNotContain("Abc123Def456Ghi789");
        assertThat(redactor.redact("UserName=sjefferson&Password=S3cret-Pass&AuthMethod=Forms"))
                .isEqualTo("UserName=sjefferson&Password=***&AuthMethod=Forms");
    }

    @Test
    void masksJsonFieldsXmlElementsAndHiddenInputs() {
        assertThat(redactor.redact("{\"token\":\"opaque-token-value-1234\",\"user_id\":\"sjefferson\"}"))
                .doesNotContain("opaque-token-value-1234").contains("\"user_id\":\"sjefferson\"");
        assertThat(redactor.redact("<input type=\"hidden\" name=\"SAMLResponse\" value=\"PHNhbWxwOlJlc3BvbnNl\"/>"))
                .doesNotContain("PHNhbWxwOlJlc3BvbnNl").contains("name=\"SAMLResponse\"");
        assertThat(redactor.redact("<refresh_token>abcdefabcdef</refresh_token>")).doesNotContain("abcdefabcdef");
    }

    @Test
    void masksAuthorizationAndCookieValuesKeepingAttributes() {
        assertThat(redactor.redact("Authorization: Bearer abc.def.ghi")).isEqualTo("Authorization: Bearer ***");
        assertThat(redactor.redact("Authorization: Basic YmJhc2ljOnB3")).isEqualTo("Authorization: Basic ***");
        assertThat(redactor.cookieValues("JSESSIONID=s3ss10n; Path=/ids; Secure; HttpOnly; SameSite=None"))
                .isEqualTo("JSESSIONID=***; Path=/ids; Secure; HttpOnly; SameSite=None");
        assertThat(redactor.redact("Cookie: a=1; cc_username=sjefferson")).isEqualTo("Cookie: a=***; cc_username=***");
    }

    @Test
    void sameValueGetsTheSameFingerprintSoHopsCanBeCompared() {
        String once = redactor.redact("refresh-token=" + "r".repeat(40));
        String twice = redactor.redact("refresh-token=" + "r".repeat(40));
        assertThat(once).isEqualTo(twice).contains("***#");
        assertThat(redactor.redact("refresh-token=" + "s".repeat(40))).isNotEqualTo(once);
    }

    @Test
    void masksKnownSecretsInEveryEncoding() {
        Redactor withPassword = redactor.withKnownSecrets(List.of("Pa ss+word/1"));
        assertThat(withPassword.redact("x Pa ss+word/1 y Pa+ss%2Bword%2F1 z UGEgc3Mrd29yZC8x"))
                .doesNotContain("Pa ss+word/1").doesNotContain("Pa+ss%2Bword%2F1").doesNotContain("UGEgc3Mrd29yZC8x");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "[F8 FAIL] The client refreshes after 75 % of expires_in: first refresh at t=301 s";
        assertThat(redactor.redact(text)).isEqualTo(text);
        String user = "<User><state>LOGIN</state><extension>98411</extension><code>10</code></User>";
        assertThat(redactor.redact(user)).isEqualTo(user);
    }

    @Test
    void placeholdersInDocumentationTextStayReadable() {
        String title = "Sends Authorization: Bearer <token> on REST calls; never in query string";
        assertThat(redactor.redact(title)).isEqualTo(title);
    }

    @Test
    void redactedJsonStaysValidJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        Requirements.load().all().values().forEach(r -> rows.add(java.util.Map.of("id", r.id(), "title", r.title(),
                "observed", "Authorization: Bearer " + JWT + " <token>x</token> Cookie: a=1; state=abc&code=def")));
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
        String redacted = redactor.redact(text);
        assertThat(json.readTree(redacted).size()).isEqualTo(rows.size());
        assertThat(redacted).doesNotContain(JWT).contains("Bearer <token>");
    }

    @Test
    void disabledRedactorChangesNothing() {
        assertThat(redactor.disabled().redact("Password=abc&token=" + JWT)).contains(JWT).contains("Password=abc");
    }
}
