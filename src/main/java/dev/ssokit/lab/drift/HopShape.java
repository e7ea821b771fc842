package dev.ssokit.lab.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.lab.record.Scrubber;
import dev.ssokit.world.Exchange;
import java.io.StringReader;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What a hop's answer looks like, values left out: status, content type, the XML/JSON element names (or an HTML
 * page's form field names), each cookie's name and attributes, and a redirect's shape (status, Location's host role,
 * path and query parameter NAMES). Two systems whose hops have equal shapes answer alike for a client.
 *
 * @param hop   "Finesse GET /finesse/api/SystemInfo" (the agent's names as {agent})
 * @param facts attribute name to value, e.g. "element SystemInfo/ctiVersion" to "present"
 */
record HopShape(String hop, Map<String, String> facts) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT_NAME = Pattern.compile("<input[^>]*?name=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGENT = Pattern.compile("\\*\\*\\*\\{agent(?:-enc)?\\.[A-Za-z]+}");

    static HopShape of(Exchange e, Scrubber scrubber) {
        String path = AGENT.matcher(scrubber.scrub(e.path())).replaceAll("{agent}");
        String hop = system(e) + " " + e.method() + " " + path;
        Map<String, String> facts = new TreeMap<>();
        facts.put("status", String.valueOf(e.status()));
        String type = e.responseHeaders().getOrDefault("content-type", java.util.List.of("(none)")).get(0);
        facts.put("content type", type.toLowerCase(Locale.ROOT).replace(" ", ""));
        for (String cookie : e.responseHeader("set-cookie")) {
            String[] parts = cookie.split(";");
            String name = parts[0].split("=", 2)[0].trim();
            TreeSet<String> attributes = new TreeSet<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].trim().split("=", 2);
                String key = attribute[0].trim();
                String lower = key.toLowerCase(Locale.ROOT);
                boolean keepValue = attribute.length > 1 && (lower.equals("path") || lower.equals("samesite")
                        || lower.equals("domain"));
                attributes.add(keepValue ? key + "=" + scrubber.scrub(attribute[1].trim()) : key);
            }
            facts.put("cookie " + name, attributes.isEmpty() ? "(no attributes)" : String.join("; ", attributes));
        }
        e.location().ifPresent(location -> facts.put("redirect", redirect(e, location, scrubber)));
        String body = e.responseBody();
        if (body != null && !body.isBlank()) {
            String mime = type.toLowerCase(Locale.ROOT);
            if (mime.contains("json")) {
                json(body).forEach(element -> facts.put("element " + element, "present"));
            } else if (mime.contains("xml")) {
                xml(body).forEach(element -> facts.put("element " + element, "present"));
            } else if (mime.contains("html")) {
                Matcher m = INPUT_NAME.matcher(body);
                while (m.find()) {
                    facts.put("form field " + m.group(1), "present");
                }
            }
        }
        return new HopShape(hop, facts);
    }

    private static String system(Exchange e) {
        return switch (e.system()) {
            case FINESSE -> "Finesse";
            case IDS -> "IdS";
            case IDP -> "IdP";
        };
    }

    private static String redirect(Exchange e, String location, Scrubber scrubber) {
        try {
            URI target = URI.create(e.scheme() + "://" + e.host() + ":" + e.port() + e.path()).resolve(location);
            String role = target.getHost() == null ? "?" : scrubber.role(target.getHost());
            TreeSet<String> names = new TreeSet<>();
            if (target.getRawQuery() != null) {
                for (String pair : target.getRawQuery().split("&")) {
                    names.add(pair.split("=", 2)[0]);
                }
            }
            String path = AGENT.matcher(scrubber.scrub(target.getRawPath() == null ? "" : target.getRawPath()))
                    .replaceAll("{agent}");
            return e.status() + " to " + (role.isEmpty() ? "another host" : role) + " " + path
                    + (names.isEmpty() ? "" : " ?" + String.join("&", names));
        } catch (IllegalArgumentException bad) {
            return e.status() + " to an unreadable Location";
        }
    }

    private static TreeSet<String> json(String body) {
        TreeSet<String> paths = new TreeSet<>();
        try {
            walk(JSON.readTree(body), "", paths);
        } catch (Exception e) {
            paths.add("(not JSON)");
        }
        return paths;
    }

    private static void walk(JsonNode node, String at, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = at.isEmpty() ? name : at + "/" + name;
                paths.add(path);
                walk(node.get(name), path, paths);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, at + "[]", paths));
        }
    }

    private static TreeSet<String> xml(String body) {
        TreeSet<String> paths = new TreeSet<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)))
                    .getDocumentElement();
            walk(root, root.getTagName(), paths);
        } catch (Exception e) {
            paths.add("(not XML)");
        }
        return paths;
    }

    private static void walk(Element element, String at, TreeSet<String> paths) {
        paths.add(at);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element sub) {
                walk(sub, at + "/" + sub.getTagName(), paths);
            }
        }
    }
}
