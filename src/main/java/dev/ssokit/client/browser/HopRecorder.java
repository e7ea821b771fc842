package dev.ssokit.client.browser;

import dev.ssokit.client.Hop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

/** Records every hop the client makes as a typed {@link Hop}, outermost around its connection. */
final class HopRecorder extends WebConnectionWrapper {
    private final List<Hop> hops;

    HopRecorder(WebConnection wrapped, List<Hop> hops) {
        super(wrapped);
        this.hops = hops;
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        WebResponse response = super.getResponse(request);
        List<String> cookies = new ArrayList<>();
        for (NameValuePair header : response.getResponseHeaders()) {
            if (header.getName().equalsIgnoreCase("Set-Cookie")) {
                cookies.add(header.getValue().split("=", 2)[0].trim());
            }
        }
        synchronized (hops) {
            hops.add(new Hop(request.getHttpMethod().name(), request.getUrl().toString(), response.getStatusCode(),
                    response.getResponseHeaderValue("Location"), List.copyOf(cookies)));
        }
        return response;
    }
}
