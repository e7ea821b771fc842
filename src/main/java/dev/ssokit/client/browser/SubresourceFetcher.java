package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Variant;
import java.io.IOException;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * Conformant twins {@link Variant#OK_FAVICON} and {@link Variant#OK_SUBRESOURCES}: after an HTML page, fetch what a
 * browser fetches beside it (once per origin /favicon.ico; per page a stylesheet, a script and an image), with
 * the browser's Accept and Sec-Fetch-* headers. Their answers are dropped, as a page without those resources does.
 */
final class SubresourceFetcher extends WebConnectionWrapper {
    private final ClientSettings settings;
    private final Set<String> originsWithFavicon = new HashSet<>();

    SubresourceFetcher(WebConnection wrapped, ClientSettings settings) {
        super(wrapped);
        this.settings = settings;
    }

    static boolean needed(ClientSettings settings) {
        return settings.has(Variant.OK_FAVICON) || settings.has(Variant.OK_SUBRESOURCES);
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        WebResponse response = super.getResponse(request);
        String type = response.getContentType() == null ? "" : response.getContentType().toLowerCase();
        if (!type.contains("html") || request.getAdditionalHeaders().containsKey("Sec-Fetch-Dest")) {
            return response;
        }
        URL page = request.getUrl();
        String origin = page.getProtocol() + "://" + page.getAuthority();
        if (settings.has(Variant.OK_FAVICON) && originsWithFavicon.add(origin)) {
            fetch(origin + "/favicon.ico", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8", "image", page);
        }
        if (settings.has(Variant.OK_SUBRESOURCES)) {
            for (List<String> resource : List.of(List.of("/static/site.css", "text/css,*/*;q=0.1", "style"),
                    List.of("/static/site.js", "*/*", "script"),
                    List.of("/static/logo.png", "image/avif,image/webp,image/*,*/*;q=0.8", "image"))) {
                fetch(origin + resource.get(0), resource.get(1), resource.get(2), page);
            }
        }
        return response;
    }

    private void fetch(String url, String accept, String destination, URL referer) {
        try {
            WebRequest request = new WebRequest(new URL(url), HttpMethod.GET);
            request.setAdditionalHeader("Accept", accept);
            request.setAdditionalHeader("Sec-Fetch-Dest", destination);
            request.setAdditionalHeader("Sec-Fetch-Mode", "no-cors");
            request.setAdditionalHeader("Sec-Fetch-Site", "same-origin");
            request.setAdditionalHeader("Referer", referer.getProtocol() + "://" + referer.getAuthority() + "/");
            super.getResponse(request);
        } catch (IOException | RuntimeException e) {
            // A browser ignores a sub-resource it cannot load.
        }
    }
}
