package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * cucumber.json carries each attachment base64-encoded, so the redactor's last-resort pass over the file saw one
 * long base64 blob and masked the whole transcript. Here a text attachment is decoded, redacted like everything
 * else (secrets masked, the rest readable) and encoded again; every other string in the file is redacted as
 * it is; an attachment that is not text stays masked whole.
 */
final class CucumberJsonRedaction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CucumberJsonRedaction() {
    }

    /** The file redacted; text that is not JSON (a run cut short) gets the plain redaction. */
    static String redact(String text, Redactor redactor) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            return redactor.redact(text);
        }
        if (tree == null) {
            return redactor.redact(text);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(walk(tree, redactor));
        } catch (IOException e) {
            return redactor.redact(text);
        }
    }

    private static JsonNode walk(JsonNode node, Redactor redactor) {
        if (node.isTextual()) {
            return TextNode.valueOf(redactor.redact(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), redactor));
            }
        } else if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("embeddings") && field.getValue() instanceof ArrayNode embeddings) {
                    embeddings.forEach(embedding -> attachment(embedding, redactor));
                } else {
                    field.setValue(walk(field.getValue(), redactor));
                }
            }
        }
        return node;
    }

    private static void attachment(JsonNode embedding, Redactor redactor) {
        if (!(embedding instanceof ObjectNode object)) {
            return;
        }
        JsonNode data = object.get("data");
        object.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data")) {
                field.setValue(walk(field.getValue(), redactor));
            }
        });
        if (data == null || !data.isTextual()) {
            return;
        }
        String decoded = textOf(data.asText(), object.path("mime_type").asText(""));
        object.put("data", decoded == null ? redactor.redact(data.asText())
                : Base64.getEncoder().encodeToString(redactor.redact(decoded).getBytes(StandardCharsets.UTF_8)));
    }

    /** The attachment as text when it is text (text/..., JSON, XML) and valid base64; else null. */
    private static String textOf(String base64, String mimeType) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        if (!(type.startsWith("text/") || type.contains("json") || type.contains("xml"))) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
