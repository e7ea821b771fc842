package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.model.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.util.EntityUtils;

/**
 * Only for broken twins: request-shape defects from real HTTP stacks' bug histories. A 307/308 re-post without
 * its Content-Type or body (.NET HttpClient), the form's Content-Type kept on the GET after a 303 (requests), no
 * 308 support (HttpURLConnection), a Location re-encoded or decoded, a form posted with a raw '+' or in
 * ISO-8859-1, Basic credentials next to the Bearer or in answer to a 401 (an automatic authenticator).
 */
final class RequestWireDefects implements WireHook {
    private final ClientSettings settings;
    private final Supplier<Credentials> credentials;
    private String repostPath;
    private String getAfterRedirectPath;
    private String getAfterRedirectType;
    private String basicRetryPath;

    RequestWireDefects(ClientSettings settings, Supplier<Credentials> credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    static boolean needed(ClientSettings settings) {
        return settings.defects().stream().anyMatch(d -> switch (d) {
            case DROPS_CONTENT_TYPE_ON_307, TEXT_PLAIN_ON_307, EMPTY_BODY_ON_307, KEEPS_CONTENT_TYPE_AFTER_303,
                    IGNORES_308, DOUBLE_ENCODES_LOCATION, DECODES_LOCATION, RAW_PLUS_IN_FORM, FORM_IN_LATIN1,
                    BASIC_NEXT_TO_BEARER, BASIC_FALLBACK_ON_401 -> true;
            default -> false;
        });
    }

    @Override
    public synchronized void request(HttpRequest request, HttpClientContext context) {
        String method = request.getRequestLine().getMethod();
        String path = path(request);
        if (method.equals("POST") && path.equals(repostPath) && request instanceof HttpEntityEnclosingRequest body) {
            if (has(Defect.DROPS_CONTENT_TYPE_ON_307)) {
                request.removeHeaders("Content-Type");
            }
            if (has(Defect.TEXT_PLAIN_ON_307)) {
                request.setHeader("Content-Type", "text/plain; charset=UTF-8");
            }
            if (has(Defect.EMPTY_BODY_ON_307)) {
                body.setEntity(new ByteArrayEntity(new byte[0]));
                request.setHeader("Content-Length", "0");
            }
            repostPath = null;
        }
        if (method.equals("GET") && path.equals(getAfterRedirectPath)) {
            request.setHeader("Content-Type", getAfterRedirectType);
            getAfterRedirectPath = null;
        }
        if (method.equals("POST") && path.startsWith("/adfs/ls") && request instanceof HttpEntityEnclosingRequest form
                && (has(Defect.RAW_PLUS_IN_FORM) || has(Defect.FORM_IN_LATIN1))) {
            rewriteForm(request, form);
        }
        Header authorization = request.getFirstHeader("Authorization");
        boolean bearer = authorization != null && authorization.getValue().startsWith("Bearer ");
        if (bearer && has(Defect.BASIC_NEXT_TO_BEARER) && credentials.get() != null) {
            request.addHeader("Authorization", basic());
        }
        if (bearer && path.equals(basicRetryPath) && credentials.get() != null) {
            request.setHeader("Authorization", basic());
            basicRetryPath = null;
        }
    }

    private void rewriteForm(HttpRequest request, HttpEntityEnclosingRequest form) {
        try {
            HttpEntity entity = form.getEntity();
            if (entity == null) {
                return;
            }
            String body = EntityUtils.toString(entity, StandardCharsets.US_ASCII);
            if (has(Defect.RAW_PLUS_IN_FORM)) {
                body = body.replace("%2B", "+");
            }
            if (has(Defect.FORM_IN_LATIN1)) {
                List<String> pairs = new ArrayList<>();
                for (String pair : body.split("&")) {
                    String[] kv = pair.split("=", 2);
                    pairs.add(kv[0] + "=" + (kv.length > 1 ? URLEncoder.encode(URLDecoder.decode(kv[1],
                            StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) : ""));
                }
                body = String.join("&", pairs);
            }
            StringEntity replaced = new StringEntity(body, StandardCharsets.US_ASCII);
            replaced.setContentType(entity.getContentType());
            form.setEntity(replaced);
            request.setHeader("Content-Length", String.valueOf(body.length()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void response(HttpResponse response, HttpRequest request, HttpClientContext context) {
        int status = response.getStatusLine().getStatusCode();
        String method = request.getRequestLine().getMethod();
        Header authorization = request.getFirstHeader("Authorization");
        if (status == 401 && has(Defect.BASIC_FALLBACK_ON_401) && authorization != null
                && authorization.getValue().startsWith("Bearer ")) {
            basicRetryPath = path(request);
        }
        Header location = response.getFirstHeader("Location");
        if (status < 300 || status >= 400 || location == null) {
            return;
        }
        if (has(Defect.IGNORES_308) && status == 308) {
            response.removeHeaders("Location");
            return;
        }
        String target = location.getValue();
        if (has(Defect.DOUBLE_ENCODES_LOCATION)) {
            target = target.replace("%", "%25");
        }
        if (has(Defect.DECODES_LOCATION)) {
            target = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        response.setHeader("Location", target);
        String next;
        try {
            next = URI.create(request.getRequestLine().getUri()).resolve(location.getValue()).getRawPath();
        } catch (IllegalArgumentException e) {
            return;
        }
        if (method.equals("POST") && (status == 307 || status == 308)) {
            repostPath = next;
        }
        Header type = request.getFirstHeader("Content-Type");
        if (has(Defect.KEEPS_CONTENT_TYPE_AFTER_303) && method.equals("POST") && (status == 302 || status == 303)
                && type != null) {
            getAfterRedirectPath = next;
            getAfterRedirectType = type.getValue();
        }
    }

    private String basic() {
        Credentials known = credentials.get();
        return "Basic " + Base64.getEncoder().encodeToString((known.username() + ":" + known.password().reveal())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String path(HttpRequest request) {
        try {
            return URI.create(request.getRequestLine().getUri()).getRawPath();
        } catch (IllegalArgumentException e) {
            return request.getRequestLine().getUri();
        }
    }

    private boolean has(Defect defect) {
        return settings.has(defect);
    }
}
