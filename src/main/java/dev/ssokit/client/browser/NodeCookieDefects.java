package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;

/**
 * Only for the broken twin {@link Defect#COOKIES_PER_ADDRESS_AND_PORT}: a jar keyed by the server's address and
 * port, as socket-level HTTP stacks keep one, so a host-only cookie of ids.test also goes to ids2.test when both
 * names point to the same server and port (two IdS nodes behind one address, protocol 8.11).
 */
final class NodeCookieDefects implements WireHook {
    private record Kept(String host, String name, String value, String path) {
    }

    private final Map<String, Kept> byPortAndName = new ConcurrentHashMap<>();

    static boolean needed(ClientSettings settings) {
        return settings.has(Defect.COOKIES_PER_ADDRESS_AND_PORT);
    }

    @Override
    public void response(HttpResponse response, HttpRequest request, HttpClientContext context) {
        HttpHost host = context.getTargetHost();
        if (host == null) {
            return;
        }
        for (Header header : response.getHeaders("Set-Cookie")) {
            String line = header.getValue();
            if (SetCookieText.attribute(line, "domain").isPresent()) {
                continue;
            }
            String name = SetCookieText.name(line);
            String key = host.getPort() + "|" + name;
            if (SetCookieText.deletes(line)) {
                byPortAndName.remove(key);
            } else {
                byPortAndName.put(key, new Kept(SetCookieText.lower(host.getHostName()), name,
                        SetCookieText.value(line), SetCookieText.attribute(line, "path").orElse("/")));
            }
        }
    }

    @Override
    public void request(HttpRequest request, HttpClientContext context) {
        HttpHost target = context.getTargetHost();
        if (target == null) {
            return;
        }
        String host = SetCookieText.lower(target.getHostName());
        String path = java.net.URI.create(request.getRequestLine().getUri()).getRawPath();
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Kept> entry : byPortAndName.entrySet()) {
            Kept kept = entry.getValue();
            if (entry.getKey().startsWith(target.getPort() + "|") && !kept.host().equals(host)
                    && path != null && path.startsWith(kept.path())) {
                pairs.add(kept.name() + "=" + kept.value()); // the "same server's" cookie first, as the jar keeps it
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        for (Header header : request.getHeaders("Cookie")) {
            pairs.add(header.getValue());
        }
        request.removeHeaders("Cookie");
        request.addHeader("Cookie", String.join("; ", pairs));
    }
}
