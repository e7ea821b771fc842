package dev.ssokit.world;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request a stub received and what it answered, as the journal keeps it. Header names are lower case. Values
 * are raw (secrets included): they never leave the process without passing the redactor.
 */
public record Exchange(int sequence, StubSystem system, long atSecond, String method, String scheme, String host,
                       int port,
                       String path, String rawQuery, Map<String, List<String>> requestHeaders, String requestBody,
                       int status, Map<String, List<String>> responseHeaders, String responseBody) {
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    public String target() {
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    public String origin() {
        return scheme + "://" + host + ":" + port;
    }

    public List<String> requestHeader(String name) {
        return requestHeaders.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Every value of a request header, in the order sent: each field line, and each comma-separated element of a
     * line (for Authorization too: a client that sends Bearer and Basic together is seen with both).
     */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String line : requestHeader(name)) {
            if (name.equalsIgnoreCase("authorization")) {
                for (String part : line.split(",\\s*(?=(?i)(bearer|basic|negotiate|digest)\\s)")) {
                    values.add(part.trim());
                }
            } else {
                values.add(line);
            }
        }
        return values;
    }

    public Optional<String> firstRequestHeader(String name) {
        return requestHeader(name).stream().findFirst();
    }

    public List<String> responseHeader(String name) {
        return responseHeaders.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Value of the hidden (or any) input of that name in an HTML response body, as the page served it. */
    public Optional<String> inputValueInResponse(String inputName) {
        if (responseBody == null) {
            return Optional.empty();
        }
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(inputName) + "\"[^>]*>",
                Pattern.CASE_INSENSITIVE).matcher(responseBody);
        if (!input.find()) {
            return Optional.empty();
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? Optional.of(value.group(1).replace("&amp;", "&").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">")) : Optional.empty();
    }

    public Optional<String> location() {
        return responseHeader("location").stream().findFirst();
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** Every name=value pair of the Cookie header(s), in the order sent, duplicates kept. */
    private List<String[]> cookiePairs() {
        List<String[]> pairs = new ArrayList<>();
        for (String header : requestHeader("cookie")) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (!trimmed.isEmpty()) {
                    int equals = trimmed.indexOf('=');
                    pairs.add(equals < 0 ? new String[] {trimmed, ""}
                            : new String[] {trimmed.substring(0, equals), trimmed.substring(equals + 1)});
                }
            }
        }
        return pairs;
    }

    /** Cookies the client sent, name to value (the first value where a name was sent twice). */
    public Map<String, String> cookiesSent() {
        Map<String, String> cookies = new LinkedHashMap<>();
        cookiePairs().forEach(pair -> cookies.putIfAbsent(pair[0], pair[1]));
        return cookies;
    }

    /** Cookie names in the order sent, duplicates kept (same name from two paths or two co-resident services). */
    public List<String> cookieNamesSent() {
        return cookiePairs().stream().map(pair -> pair[0]).toList();
    }

    /** Every value sent for that cookie name, in the order of the Cookie header(s). */
    public List<String> cookieValues(String name) {
        return cookiePairs().stream().filter(pair -> pair[0].equals(name)).map(pair -> pair[1]).toList();
    }

    /** The raw (still encoded) value of a query parameter, exactly as the client put it on the wire. */
    public Optional<String> rawQueryParameter(String name) {
        return rawParameters(rawQuery).getOrDefault(name, List.of()).stream().findFirst();
    }

    public Optional<String> queryParameter(String name) {
        return rawQueryParameter(name).map(Exchange::formDecode);
    }

    public boolean isForm() {
        return firstRequestHeader("content-type").map(type -> type.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")).orElse(false);
    }

    public Map<String, List<String>> formParameters() {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        if (!isForm()) {
            return decoded;
        }
        rawParameters(requestBody).forEach((name, values) ->
                decoded.put(formDecode(name), values.stream().map(Exchange::formDecode).toList()));
        return decoded;
    }

    public Optional<String> formParameter(String name) {
        return formParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    static Map<String, List<String>> rawParameters(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }

    /** Servlet-style decoding ({@code +} is a space): what Finesse's Tomcat does with a query or form value. */
    public static String formDecode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + origin() + target() + " -> " + status;
    }
}
