package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * Only for broken twins: the redirect and form defects real HTTP clients shipped, injected between HtmlUnit's
 * redirect logic and the wire (re-POST after 303, a 307 without its body, Authorization carried to another origin,
 * no redirect cap, forms posted twice). The reference client never installs it.
 */
final class DefectiveRedirects extends WebConnectionWrapper {
    private static final int UNCAPPED_BOUND = 30;

    private final ClientSettings settings;
    private URL repostTo;
    private List<NameValuePair> repostParameters;
    private URL dropBodyAt;
    private URL authorizationFollowsTo;
    private String authorization;

    DefectiveRedirects(WebConnection wrapped, ClientSettings settings) {
        super(wrapped);
        this.settings = settings;
    }

    static boolean needed(ClientSettings settings) {
        return settings.defects().stream().anyMatch(d -> switch (d) {
            case REPOSTS_AFTER_303, DROPS_BODY_ON_307, KEEPS_AUTHORIZATION_CROSS_ORIGIN, NO_REDIRECT_LIMIT,
                    SUBMITS_FORMS_TWICE, RESOLVES_LOCATION_FROM_ROOT -> true;
            default -> false;
        });
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        if (request.getUrl().equals(repostTo) && request.getHttpMethod() == HttpMethod.GET) {
            request.setHttpMethod(HttpMethod.POST);
            request.setRequestParameters(repostParameters);
        }
        if (request.getUrl().equals(dropBodyAt) && request.getHttpMethod() == HttpMethod.POST) {
            request.setHttpMethod(HttpMethod.GET);
            request.setRequestParameters(List.of());
        }
        if (request.getUrl().equals(authorizationFollowsTo) && authorization != null) {
            request.setAdditionalHeader("Authorization", authorization);
        }
        repostTo = null;
        dropBodyAt = null;
        authorizationFollowsTo = null;
        WebResponse response = super.getResponse(request);
        if (settings.has(Defect.SUBMITS_FORMS_TWICE) && request.getHttpMethod() == HttpMethod.POST
                && request.getUrl().getPath().equals("/ids/saml/response")) {
            super.getResponse(request);
        }
        int status = response.getStatusCode();
        String location = response.getResponseHeaderValue("Location");
        if (status < 300 || status >= 400 || location == null) {
            return response;
        }
        if (settings.has(Defect.RESOLVES_LOCATION_FROM_ROOT) && !location.startsWith("/") && !location.contains("://")) {
            List<NameValuePair> headers = new java.util.ArrayList<>();
            for (NameValuePair header : response.getResponseHeaders()) {
                headers.add(header.getName().equalsIgnoreCase("Location")
                        ? new NameValuePair("Location", "/" + location.replace("../", "")) : header);
            }
            return new WebResponse(new org.htmlunit.WebResponseData(new byte[0], status, response.getStatusMessage(),
                    headers), request, response.getLoadTime());
        }
        URL next = new URL(request.getUrl(), location);
        boolean post = request.getHttpMethod() == HttpMethod.POST;
        if (settings.has(Defect.REPOSTS_AFTER_303) && post && (status == 302 || status == 303)) {
            repostTo = next;
            repostParameters = request.getRequestParameters();
        }
        if (settings.has(Defect.DROPS_BODY_ON_307) && post && (status == 307 || status == 308)) {
            dropBodyAt = next;
        }
        if (settings.has(Defect.KEEPS_AUTHORIZATION_CROSS_ORIGIN)) {
            authorization = request.getAdditionalHeaders().get("Authorization");
            authorizationFollowsTo = next;
        }
        if (settings.has(Defect.NO_REDIRECT_LIMIT)) {
            for (int hop = 0; hop < UNCAPPED_BOUND && response.getStatusCode() / 100 == 3; hop++) {
                String target = response.getResponseHeaderValue("Location");
                if (target == null) {
                    break;
                }
                response = super.getResponse(new WebRequest(new URL(response.getWebRequest().getUrl(), target)));
            }
        }
        return response;
    }
}
