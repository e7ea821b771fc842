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
 * Only for broken twins: navigation defects real clients shipped. POST kept after a 301 (curl's --post301 made the
 * default), the URL fragment sent to the server (curl before 7.58), and a GET repeated by an automatic retry
 * (Apache HttpClient's retry handler, a CEF reload) that presents the authorization code twice.
 */
final class FlowDefects extends WebConnectionWrapper {
    private final ClientSettings settings;
    private URL repostTo;
    private List<NameValuePair> repostParameters;

    FlowDefects(WebConnection wrapped, ClientSettings settings) {
        super(wrapped);
        this.settings = settings;
    }

    static boolean needed(ClientSettings settings) {
        return settings.has(Defect.REPOSTS_AFTER_301) || settings.has(Defect.SENDS_FRAGMENT)
                || settings.has(Defect.REPLAYS_AUTHCODE);
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        if (request.getUrl().equals(repostTo) && request.getHttpMethod() == HttpMethod.GET) {
            request.setHttpMethod(HttpMethod.POST);
            request.setRequestParameters(repostParameters);
        }
        repostTo = null;
        if (settings.has(Defect.SENDS_FRAGMENT) && request.getUrl().getRef() != null) {
            URL url = request.getUrl();
            request.setUrl(new URL(url.getProtocol(), url.getHost(), url.getPort(), url.getPath() + "%23"
                    + url.getRef() + (url.getQuery() == null ? "" : "?" + url.getQuery())));
        }
        WebResponse response = super.getResponse(request);
        if (settings.has(Defect.REPLAYS_AUTHCODE) && request.getUrl().getPath().equals("/desktop/sso/authcode")) {
            super.getResponse(request);
        }
        String location = response.getResponseHeaderValue("Location");
        if (settings.has(Defect.REPOSTS_AFTER_301) && response.getStatusCode() == 301 && location != null
                && request.getHttpMethod() == HttpMethod.POST) {
            repostTo = new URL(request.getUrl(), location);
            repostParameters = request.getRequestParameters();
        }
        return response;
    }
}
