package dev.ssokit.client.browser;

import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.protocol.HttpClientContext;

/**
 * A step between HtmlUnit's HTTP client and the wire, after the cookie rules: it sees each request with its Cookie
 * header computed and each response before its Set-Cookie headers are stored.
 */
interface WireHook {
    void request(HttpRequest request, HttpClientContext context);

    void response(HttpResponse response, HttpRequest request, HttpClientContext context);
}
