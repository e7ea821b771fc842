package dev.ssokit.world;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a WireMock serve event becomes an {@link Exchange}'s parts: the one rule the stub world's journal and the lab's
 * recording proxy share (lower-case header names; text bodies up to 256 KiB, else none).
 */
public final class WireExchanges {
    private static final int BODY_LIMIT = 262_144;

    private WireExchanges() {
    }

    /** Text bodies (HTML, JSON, XML, text) up to 256 KiB: checks compare what a page offered with what came back. */
    public static String textBody(LoggedResponse response) {
        if (response == null || response.getHeaders() == null) {
            return null;
        }
        com.github.tomakehurst.wiremock.http.ContentTypeHeader type = response.getHeaders().getContentTypeHeader();
        String mime = type == null || !type.isPresent() ? "" : type.mimeTypePart();
        if (mime == null || !(mime.contains("html") || mime.contains("json") || mime.contains("xml")
                || mime.startsWith("text") || mime.contains("*"))) {
            return null;
        }
        String body = response.getBodyAsString();
        return body != null && body.length() > BODY_LIMIT ? body.substring(0, BODY_LIMIT) : body;
    }

    public static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers == null) {
            return copy;
        }
        for (HttpHeader header : headers.all()) {
            copy.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(header.values());
        }
        return copy;
    }
}
