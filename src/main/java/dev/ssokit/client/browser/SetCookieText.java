package dev.ssokit.client.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Set-Cookie line as text: its name=value pair and its attributes, edited the way a broken twin needs. */
final class SetCookieText {
    private SetCookieText() {
    }

    static String pair(String line) {
        return line.split(";", 2)[0].trim();
    }

    static String name(String line) {
        return pair(line).split("=", 2)[0].trim();
    }

    static String value(String line) {
        String[] parts = pair(line).split("=", 2);
        return parts.length > 1 ? parts[1].trim() : "";
    }

    static String withPair(String line, String pair) {
        int semicolon = line.indexOf(';');
        return semicolon < 0 ? pair : pair + line.substring(semicolon);
    }

    /** The attribute's value, names compared case-insensitively; the last occurrence wins. */
    static Optional<String> attribute(String line, String name) {
        String found = null;
        for (String part : attributes(line)) {
            String[] kv = part.split("=", 2);
            if (kv[0].trim().equalsIgnoreCase(name)) {
                found = kv.length > 1 ? kv[1].trim() : "";
            }
        }
        return Optional.ofNullable(found);
    }

    /** The attribute names exactly as spelt in the line. */
    static List<String> attributeNames(String line) {
        return attributes(line).stream().map(a -> a.split("=", 2)[0].trim()).toList();
    }

    static String without(String line, String name) {
        return keep(line, attribute -> !attribute.equalsIgnoreCase(name));
    }

    /** Keeps the attributes whose name (as spelt) passes the filter. */
    static String keep(String line, java.util.function.Predicate<String> spelling) {
        StringBuilder out = new StringBuilder(pair(line));
        for (String part : attributes(line)) {
            if (spelling.test(part.split("=", 2)[0].trim())) {
                out.append("; ").append(part);
            }
        }
        return out.toString();
    }

    static boolean deletes(String line) {
        return attribute(line, "max-age").map(v -> v.startsWith("-") || v.equals("0")).orElse(false);
    }

    private static List<String> attributes(String line) {
        String[] parts = line.split(";");
        List<String> attributes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].trim().isEmpty()) {
                attributes.add(parts[i].trim());
            }
        }
        return attributes;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
