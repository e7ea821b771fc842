package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;

/**
 * Cookie expiry on the client's clock (the virtual one in the kit), as a browser's cookie store judges it: a cookie
 * set with Max-Age=N is no longer sent N seconds after it was (last) set (RFC 6265 §5.3 step 3, §5.4). HttpClient
 * judges Max-Age on the machine's clock, which does not move in a scenario. Broken twins keep expired cookies,
 * read Max-Age as milliseconds, or keep the first expiry when a cookie is set again.
 */
final class VirtualCookieExpiry implements WireHook {
    private record Expiry(String value, Instant at) {
    }

    private final ClientSettings settings;
    private final Map<String, Expiry> expiries = new LinkedHashMap<>();

    VirtualCookieExpiry(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void response(HttpResponse response, HttpRequest request, HttpClientContext context) {
        if (settings.has(Defect.IGNORES_MAX_AGE_EXPIRY)) {
            return;
        }
        Instant now = settings.clock().instant();
        for (Header header : response.getHeaders("Set-Cookie")) {
            String line = header.getValue();
            String name = SetCookieText.name(line);
            Long seconds = SetCookieText.attribute(line, "max-age").flatMap(VirtualCookieExpiry::number).orElse(null);
            if (seconds == null || seconds <= 0) {
                expiries.remove(name);
                continue;
            }
            Instant at = settings.has(Defect.MAX_AGE_AS_MILLIS) ? now.plusMillis(seconds) : now.plusSeconds(seconds);
            Expiry before = expiries.get(name);
            if (settings.has(Defect.EXPIRY_NOT_RENEWED) && before != null) {
                at = before.at();
            }
            expiries.put(name, new Expiry(SetCookieText.value(line), at));
        }
    }

    @Override
    public synchronized void request(HttpRequest request, HttpClientContext context) {
        if (expiries.isEmpty()) {
            return;
        }
        Instant now = settings.clock().instant();
        Header[] cookies = request.getHeaders("Cookie");
        request.removeHeaders("Cookie");
        for (Header header : cookies) {
            List<String> kept = new ArrayList<>();
            for (String pair : header.getValue().split(";\\s*")) {
                String[] kv = pair.split("=", 2);
                Expiry expiry = expiries.get(kv[0].trim());
                boolean expired = expiry != null && expiry.value().equals(kv.length > 1 ? kv[1] : "")
                        && !now.isBefore(expiry.at());
                if (!expired) {
                    kept.add(pair);
                }
            }
            if (!kept.isEmpty()) {
                request.addHeader("Cookie", String.join("; ", kept));
            }
        }
    }

    private static java.util.Optional<Long> number(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
