package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.cookie.Cookie;

/**
 * Only for broken twins: cookie defects from the bug histories of real HTTP stacks (http.cookiejar, .NET
 * CookieContainer, HttpURLConnection's CookieManager, Apache's RFC 2965 spec), as rewrites of the Set-Cookie lines
 * before they are stored and of the Cookie header before it leaves.
 */
final class CookieWireDefects implements WireHook {
    private final ClientSettings settings;

    CookieWireDefects(ClientSettings settings) {
        this.settings = settings;
    }

    static boolean needed(ClientSettings settings) {
        return settings.defects().stream().anyMatch(d -> switch (d) {
            case DELETES_EVERY_PATH, DELETION_AT_DEFAULT_PATH, TRUNCATES_VALUE_AT_EQUALS, STRIPS_VALUE_QUOTES,
                    DECODES_COOKIE_VALUES, ENCODES_COOKIE_VALUES, DROPS_EMPTY_COOKIES, LOWERCASES_COOKIE_NAMES,
                    DOMAIN_STRING_TAIL_MATCH, DOMAIN_CASE_SENSITIVE, CASE_SENSITIVE_SECURE, CASE_SENSITIVE_MAX_AGE,
                    SENDS_ONE_COOKIE_PER_NAME, SHORTER_PATH_FIRST, SENDS_COOKIES_TWICE, COOKIE_PAIRS_JOINED_BY_COMMA,
                    SENDS_RFC2965_ATTRIBUTES, HOST_ONLY_SENT_TO_SUBDOMAINS, DEFAULT_PATH_ROOT,
                    DEFAULT_PATH_FULL_REQUEST_PATH, PATH_STRING_PREFIX_MATCH, EXPIRES_WINS_OVER_MAX_AGE -> true;
            default -> false;
        });
    }

    @Override
    public void response(HttpResponse response, HttpRequest request, HttpClientContext context) {
        Header[] headers = response.getHeaders("Set-Cookie");
        if (headers.length == 0) {
            return;
        }
        HttpHost host = context.getTargetHost();
        String hostName = host == null ? "" : SetCookieText.lower(host.getHostName());
        String requestPath = java.net.URI.create(request.getRequestLine().getUri()).getRawPath();
        response.removeHeaders("Set-Cookie");
        for (Header header : headers) {
            for (String line : rewrite(header.getValue(), hostName, requestPath, context)) {
                response.addHeader("Set-Cookie", line);
            }
        }
    }

    private List<String> rewrite(String received, String host, String requestPath, HttpClientContext context) {
        String line = received;
        String name = SetCookieText.name(line);
        String value = SetCookieText.value(line);
        if (has(Defect.TRUNCATES_VALUE_AT_EQUALS) && value.contains("=")) {
            line = SetCookieText.withPair(line, name + "=" + value.substring(0, value.indexOf('=')));
        }
        if (has(Defect.STRIPS_VALUE_QUOTES) && value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            line = SetCookieText.withPair(line, name + "=" + value.substring(1, value.length() - 1));
        }
        if (has(Defect.DROPS_EMPTY_COOKIES) && value.isEmpty() && !SetCookieText.deletes(line)) {
            return List.of();
        }
        if (has(Defect.LOWERCASES_COOKIE_NAMES)) {
            line = SetCookieText.withPair(line, SetCookieText.lower(name) + "=" + SetCookieText.value(line));
        }
        java.util.Optional<String> domain = SetCookieText.attribute(line, "domain").map(d -> d.replaceFirst("^\\.", ""));
        if (has(Defect.DOMAIN_STRING_TAIL_MATCH) && domain.isPresent() && host.endsWith(SetCookieText.lower(domain.get()))
                && !host.equals(SetCookieText.lower(domain.get()))) {
            line = SetCookieText.without(line, "domain");
        }
        if (has(Defect.DOMAIN_CASE_SENSITIVE) && domain.isPresent() && !host.endsWith(domain.get())) {
            return List.of();
        }
        if (has(Defect.CASE_SENSITIVE_SECURE)) {
            line = SetCookieText.keep(line, n -> !n.equalsIgnoreCase("secure") || n.equals("Secure"));
        }
        if (has(Defect.CASE_SENSITIVE_MAX_AGE)) {
            line = SetCookieText.keep(line, n -> !n.equalsIgnoreCase("max-age") || n.equals("Max-Age"));
        }
        if (has(Defect.EXPIRES_WINS_OVER_MAX_AGE) && SetCookieText.attribute(line, "expires").isPresent()) {
            line = SetCookieText.without(line, "max-age");
        }
        if (SetCookieText.attribute(line, "path").isEmpty()) {
            if (has(Defect.DEFAULT_PATH_ROOT)) {
                line += "; Path=/";
            } else if (has(Defect.DEFAULT_PATH_FULL_REQUEST_PATH)) {
                line += "; Path=" + requestPath;
            }
        }
        if (has(Defect.HOST_ONLY_SENT_TO_SUBDOMAINS) && SetCookieText.attribute(line, "domain").isEmpty()) {
            line += "; Domain=" + host;
        }
        List<String> lines = new ArrayList<>();
        if (SetCookieText.deletes(line)) {
            if (has(Defect.DELETION_AT_DEFAULT_PATH)) {
                line = SetCookieText.without(line, "path");
            }
            if (has(Defect.DELETES_EVERY_PATH) && context.getCookieStore() != null) {
                for (Cookie stored : context.getCookieStore().getCookies()) {
                    if (stored.getName().equals(name)) {
                        lines.add(name + "=; Max-Age=0; Path=" + stored.getPath());
                    }
                }
            }
        }
        lines.add(line);
        return lines;
    }

    @Override
    public void request(HttpRequest request, HttpClientContext context) {
        List<String> pairs = new ArrayList<>();
        for (Header header : request.getHeaders("Cookie")) {
            for (String pair : header.getValue().split(";\\s*")) {
                if (!pair.isBlank()) {
                    pairs.add(pair.trim());
                }
            }
        }
        if (has(Defect.PATH_STRING_PREFIX_MATCH) && context.getCookieStore() != null && context.getTargetHost() != null) {
            String path = java.net.URI.create(request.getRequestLine().getUri()).getRawPath();
            String host = SetCookieText.lower(context.getTargetHost().getHostName());
            for (Cookie stored : context.getCookieStore().getCookies()) {
                String domain = stored.getDomain() == null ? "" : stored.getDomain().replaceFirst("^\\.", "");
                String pair = stored.getName() + "=" + stored.getValue();
                if ((host.equals(domain) || host.endsWith("." + domain)) && stored.getPath() != null
                        && path.startsWith(stored.getPath()) && !pairs.contains(pair)) {
                    pairs.add(pair);
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        if (has(Defect.DECODES_COOKIE_VALUES) || has(Defect.ENCODES_COOKIE_VALUES)) {
            pairs.replaceAll(pair -> {
                String[] kv = pair.split("=", 2);
                String v = kv.length > 1 ? kv[1] : "";
                return kv[0] + "=" + (has(Defect.DECODES_COOKIE_VALUES) ? decode(v)
                        : URLEncoder.encode(v, StandardCharsets.UTF_8));
            });
        }
        if (has(Defect.SENDS_ONE_COOKIE_PER_NAME)) {
            Map<String, String> byName = new LinkedHashMap<>();
            pairs.forEach(pair -> byName.put(pair.split("=", 2)[0], pair));
            pairs = new ArrayList<>(byName.values());
        }
        if (has(Defect.SHORTER_PATH_FIRST)) {
            Collections.reverse(pairs);
        }
        if (has(Defect.SENDS_COOKIES_TWICE)) {
            pairs.addAll(List.copyOf(pairs));
        }
        String separator = has(Defect.COOKIE_PAIRS_JOINED_BY_COMMA) ? ", " : "; ";
        String header = String.join(separator, pairs);
        if (has(Defect.SENDS_RFC2965_ATTRIBUTES)) {
            header = "$Version=1; " + String.join("; ", pairs.stream().map(p -> p + "; $Path=/").toList());
        }
        request.removeHeaders("Cookie");
        request.addHeader("Cookie", header);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private boolean has(Defect defect) {
        return settings.has(defect);
    }
}
