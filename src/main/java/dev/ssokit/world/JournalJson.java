package dev.ssokit.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The journal as JSON (format {@value #FORMAT}): one object per {@link Exchange}, field for field. The control API
 * serves it redacted by default; {@code ./kit verify} asks for the raw form (loopback, behind the token) so the
 * checks compare real values in memory, and writes only redacted text.
 */
public final class JournalJson {
    public static final String FORMAT = "finesse-sso-kit/journal@1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalJson() {
    }

    /** A journal read back: its exchanges, whether its values were masked, and how many the server dropped. */
    public record Document(String session, boolean redacted, int dropped, List<Exchange> exchanges) {
    }

    /** How to mask one kind of value; identity for the raw form. */
    public interface Masks {
        String header(String name, String value);

        String text(String value);

        static Masks none() {
            return new Masks() {
                @Override
                public String header(String name, String value) {
                    return value;
                }

                @Override
                public String text(String value) {
                    return value;
                }
            };
        }
    }

    public static String write(String session, List<Exchange> exchanges, int dropped, Masks masks, boolean redacted) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("session", session);
        root.put("redacted", redacted);
        root.put("dropped", dropped);
        ArrayNode list = root.putArray("exchanges");
        for (Exchange e : exchanges) {
            ObjectNode node = list.addObject();
            node.put("sequence", e.sequence());
            node.put("system", e.system().name());
            node.put("atSecond", e.atSecond());
            node.put("method", e.method());
            node.put("scheme", e.scheme());
            node.put("host", e.host());
            node.put("port", e.port());
            node.put("path", e.path());
            node.put("rawQuery", masks.text(e.rawQuery()));
            headers(node.putObject("requestHeaders"), e.requestHeaders(), masks);
            node.put("requestBody", masks.text(e.requestBody()));
            node.put("status", e.status());
            headers(node.putObject("responseHeaders"), e.responseHeaders(), masks);
            node.put("responseBody", masks.text(e.responseBody()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the journal as JSON", e);
        }
    }

    private static void headers(ObjectNode target, Map<String, List<String>> headers, Masks masks) {
        headers.forEach((name, values) -> {
            ArrayNode array = target.putArray(name);
            values.forEach(value -> array.add(masks.header(name, value)));
        });
    }

    public static Document parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.path("format").asText("").startsWith("finesse-sso-kit/journal@")) {
                throw new IllegalArgumentException("Not a journal of the kit (no \"format\": \"" + FORMAT
                        + "\"); fetch it from the control API's /sessions/{id}/journal");
            }
            List<Exchange> exchanges = new ArrayList<>();
            for (JsonNode node : root.path("exchanges")) {
                exchanges.add(new Exchange(node.path("sequence").asInt(), StubSystem.valueOf(node.path("system").asText()),
                        node.path("atSecond").asLong(), node.path("method").asText(), node.path("scheme").asText(),
                        node.path("host").asText(), node.path("port").asInt(), node.path("path").asText(),
                        text(node, "rawQuery"), headers(node.path("requestHeaders")), text(node, "requestBody"),
                        node.path("status").asInt(), headers(node.path("responseHeaders")), text(node, "responseBody")));
            }
            return new Document(root.path("session").asText("default"), root.path("redacted").asBoolean(true),
                    root.path("dropped").asInt(0), List.copyOf(exchanges));
        } catch (IOException e) {
            throw new IllegalArgumentException("The journal is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, List<String>> headers(JsonNode node) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            field.getValue().forEach(value -> values.add(value.asText()));
            headers.put(field.getKey(), List.copyOf(values));
        });
        return headers;
    }

    /** Applies a text mask to every value; header-aware masking is the caller's {@link Masks}. */
    public static Masks textMasks(UnaryOperator<String> text, java.util.function.BinaryOperator<String> header) {
        return new Masks() {
            @Override
            public String header(String name, String value) {
                return header.apply(name, value);
            }

            @Override
            public String text(String value) {
                return value == null ? null : text.apply(value);
            }
        };
    }
}
