package dev.ssokit.lab.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.world.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a capture as WireMock mappings, one folder per system ({@code finesse/mappings}, {@code ids/mappings},
 * {@code idp/mappings}), every answer scrubbed. A request is matched by its method, path (an agent's name in it
 * becomes a wildcard), the NAMES of its query and form parameters and cookies, its Authorization scheme, and the
 * values of parameters that are neither secret nor the lab's or the agent's names. The more a mapping pins, the
 * higher its priority; of two identical requests the first recorded answer is kept.
 */
public final class MappingWriter {
    /** Headers a replay must not repeat: framing, the date, the recorder's and WireMock's own. */
    private static final Set<String> DROPPED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date", "via", "content-encoding", "matched-stub-id", "matched-stub-name", "proxy-connection");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MappingWriter() {
    }

    /** Writes the mappings and recording.json under {@code out}; returns the mapping files written. */
    public static List<Path> write(FlowCapture.Capture capture, Path out) {
        List<Exchange> exchanges = capture.exchanges();
        Scrubber scrubber = Scrubber.of(capture);
        List<Path> files = new ArrayList<>();
        Set<String> signatures = new LinkedHashSet<>();
        try {
            for (Exchange exchange : exchanges) {
                ObjectNode request = request(exchange, scrubber);
                String signature = exchange.system() + " " + request;
                if (!signatures.add(signature)) {
                    continue;
                }
                ObjectNode mapping = JSON.createObjectNode();
                mapping.put("name", "recorded #" + exchange.sequence() + " " + exchange.method() + " "
                        + scrubber.scrub(exchange.path()));
                mapping.put("priority", Math.max(1, 20 - request.get("pins").asInt()));
                request.remove("pins");
                mapping.set("request", request);
                mapping.set("response", response(exchange, scrubber));
                Path folder = out.resolve(exchange.system().folder()).resolve("mappings");
                Files.createDirectories(folder);
                Path file = folder.resolve(String.format(Locale.ROOT, "%02d-%s%s.json", exchange.sequence(),
                        exchange.method().toLowerCase(Locale.ROOT), slug(scrubber.scrub(exchange.path()))));
                Files.writeString(file, JSON.writeValueAsString(mapping));
                files.add(file);
            }
            ObjectNode about = JSON.createObjectNode();
            about.put("recorded", Instant.now().toString());
            about.put("exchanges", exchanges.size());
            about.put("mappings", files.size());
            ObjectNode hosts = about.putObject("hosts");
            capture.hosts().forEach((host, system) -> hosts.put(Placeholders.fixed("host." + scrubber.role(host)),
                    system.folder()));
            ArrayNode steps = about.putArray("steps");
            capture.steps().forEach(step -> steps.add(scrubber.scrub(step)));
            about.put("replay", "./kit run --target replay:" + out);
            Files.writeString(out.resolve("recording.json"), JSON.writeValueAsString(about));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the recording to " + out + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static String slug(String path) {
        String slug = path.replaceAll("\\*\\*\\*\\{[^}]*}", "x").replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private static ObjectNode request(Exchange e, Scrubber scrubber) {
        ObjectNode request = JSON.createObjectNode();
        int pins = 0;
        request.put("method", e.method());
        String path = e.path() == null || e.path().isEmpty() ? "/" : e.path();
        if (scrubber.identifies(path)) {
            StringBuilder pattern = new StringBuilder();
            for (String segment : path.split("/", -1)) {
                if (pattern.length() > 0 || !segment.isEmpty()) {
                    pattern.append('/');
                }
                pattern.append(scrubber.identifies(segment) ? "[^/]+" : Pattern.quote(segment));
            }
            request.put("urlPathPattern", pattern.length() == 0 ? "/" : pattern.toString());
        } else {
            request.put("urlPath", path);
        }
        ObjectNode query = JSON.createObjectNode();
        for (Map.Entry<String, String> parameter : parameters(e.rawQuery()).entrySet()) {
            query.set(parameter.getKey(), matcher(parameter.getKey(), parameter.getValue(), scrubber));
            pins++;
        }
        if (!query.isEmpty()) {
            request.set("queryParameters", query);
        }
        String authorization = e.firstRequestHeader("authorization").orElse(null);
        ObjectNode headers = JSON.createObjectNode();
        if (authorization == null) {
            headers.putObject("Authorization").put("absent", true);
        } else {
            headers.putObject("Authorization").put("matches", "(?i)" + authorization.split(" ", 2)[0] + " .+");
            pins++;
        }
        request.set("headers", headers);
        ObjectNode cookies = JSON.createObjectNode();
        for (String name : new LinkedHashSet<>(e.cookieNamesSent())) {
            cookies.putObject(name).put("matches", "(?s).*");
            pins++;
        }
        if (!cookies.isEmpty()) {
            request.set("cookies", cookies);
        }
        if (e.isForm()) {
            ArrayNode body = request.putArray("bodyPatterns");
            for (String name : e.formParameters().keySet()) {
                body.addObject().put("matches", "(?s)(.*&)?" + Pattern.quote(
                        java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)) + "=.*");
                pins++;
            }
        }
        request.put("pins", pins);
        return request;
    }

    private static ObjectNode matcher(String name, String value, Scrubber scrubber) {
        ObjectNode matcher = JSON.createObjectNode();
        boolean secret = dev.ssokit.report.Redactor.SECRET_NAMES.contains(name);
        if (secret || value == null || scrubber.identifies(value) || scrubber.identifies(name + "=" + value)) {
            matcher.put("matches", "(?s).*");
        } else {
            matcher.put("equalTo", dev.ssokit.world.Exchange.formDecode(value));
        }
        return matcher;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.putIfAbsent(Exchange.formDecode(parts[0]), parts.length > 1 ? parts[1] : "");
        }
        return parameters;
    }

    private static ObjectNode response(Exchange e, Scrubber scrubber) {
        ObjectNode response = JSON.createObjectNode();
        response.put("status", e.status());
        ObjectNode headers = response.putObject("headers");
        e.responseHeaders().forEach((name, values) -> {
            if (DROPPED.contains(name)) {
                return;
            }
            List<String> scrubbed = values.stream().map(v -> name.equals("set-cookie") ? scrubber.scrubCookie(v)
                    : scrubber.scrub(v)).toList();
            String header = headerName(name);
            if (scrubbed.size() == 1) {
                headers.put(header, scrubbed.get(0));
            } else {
                ArrayNode list = headers.putArray(header);
                scrubbed.forEach(list::add);
            }
        });
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            response.put("body", scrubber.scrub(e.responseBody()));
        }
        response.putArray("transformers").add("replay-fill");
        return response;
    }

    private static String headerName(String lower) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : lower.toCharArray()) {
            name.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return name.toString();
    }
}
