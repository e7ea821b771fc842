package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** cucumber.json's base64 attachments come out readable and redacted, not masked whole. */
class CucumberJsonRedactionTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzamVmZmVyc29uIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextAttachmentIsDecodedRedactedAndEncodedAgain() throws Exception {
        String transcript = ("GET https://finesse.test:8445/desktop/sso/token?cc_username=anne -> 302\n"
                + "Authorization: Bearer " + JWT + "\n").repeat(4);
        String file = "[{\"name\":\"f\",\"elements\":[{\"name\":\"s token=" + JWT + "\",\"after\":[{\"embeddings\":["
                + "{\"mime_type\":\"text/plain\",\"name\":\"hop transcript\",\"data\":\"" + base64(transcript) + "\"},"
                + "{\"mime_type\":\"image/png\",\"name\":\"shot\",\"data\":\"" + base64("x".repeat(200)) + "\"}]}]}]}]";
        JsonNode out = new ObjectMapper().readTree(CucumberJsonRedaction.redact(file, Redactor.standard()));
        JsonNode embeddings = out.findValue("embeddings");
        String text = new String(Base64.getDecoder().decode(embeddings.get(0).path("data").asText()),
                StandardCharsets.UTF_8);
        assertThat(text).contains("GET https://finesse.test:8445/desktop/sso/token?cc_username=anne -> 302")
                .contains("Authorization: Bearer ***#").doesNotContain(JWT);
        assertThat(embeddings.get(0).path("name").asText()).isEqualTo("hop transcript");
        assertThat(embeddings.get(1).path("data").asText()).startsWith("***");
        assertThat(out.get(0).path("elements").get(0).path("name").asText()).doesNotContain(JWT).startsWith("s token=");
    }

    @Test
    void textThatIsNotJsonGetsThePlainRedaction() {
        assertThat(CucumberJsonRedaction.redact("[{\"cut short token=" + JWT, Redactor.standard()))
                .doesNotContain(JWT).startsWith("[{\"cut short token=***");
    }
}
