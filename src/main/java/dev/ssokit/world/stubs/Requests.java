package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads requests the way Finesse's and IdS's servlet containers do (form decoding, first value wins). */
final class Requests {
    private Requests() {
    }

    static Optional<String> query(Request request, String name) {
        return parameter(URI.create(request.getAbsoluteUrl()).getRawQuery(), name);
    }

    static Optional<String> form(Request request, String name) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return Optional.empty();
        }
        return parameter(request.getBodyAsString(), name);
    }

    static Optional<String> queryOrForm(Request request, String name) {
        return form(request, name).or(() -> query(request, name));
    }

    static Optional<String> parameter(String encoded, String name) {
        if (encoded == null) {
            return Optional.empty();
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    /** The first cookie of that name in the Cookie header(s), raw. */
    static Optional<String> cookie(Request request, String name) {
        if (request.getHeaders() == null || !request.containsHeader("Cookie")) {
            return Optional.empty();
        }
        for (String header : request.header("Cookie").values()) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                int equals = trimmed.indexOf('=');
                if (equals > 0 && trimmed.substring(0, equals).equals(name)) {
                    return Optional.of(trimmed.substring(equals + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** The last path segment, path-decoded (a '+' stays a '+', unlike in a query). */
    static String lastSegment(Request request) {
        String rawPath = URI.create(request.getAbsoluteUrl()).getRawPath();
        String segment = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
