package dev.ssokit.bench;

import dev.ssokit.model.Credentials;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The same SSO flow with java.net.http and no browser: redirects followed by the client, forms scraped with
 * regular expressions, no JavaScript. The lower bound the reference client is compared with; not a client the
 * kit recommends (it would fail every JavaScript behaviour).
 */
final class PlainHttpFlow {
    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern LOGIN_ID = Pattern.compile("<loginId>([^<]+)</loginId>");

    private final URI finesse;
    private final SSLContext tls;
    private final Duration timeout;

    PlainHttpFlow(URI finesse, SSLContext tls) {
        this(finesse, tls, Duration.ofSeconds(10));
    }

    /** With a longer bound on each connect and request, for many flows in flight on a small machine. */
    PlainHttpFlow(URI finesse, SSLContext tls, Duration timeout) {
        this.finesse = finesse;
        this.tls = tls;
        this.timeout = timeout;
    }

    /** One full flow with a fresh client and cookie jar: token, loginId, sign-in. Returns the sign-in status. */
    int run(Credentials credentials, String extension) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(timeout).build();
        get(http, finesse.resolve("/finesse/api/SystemInfo"), null);
        String user = URLEncoder.encode(credentials.username(), StandardCharsets.UTF_8);
        HttpResponse<String> login = get(http, finesse.resolve("/desktop/sso/token?cc_username=" + user
                + "&return_refresh_token=true"), null);
        Map<String, String> fields = hidden(login.body());
        fields.put("UserName", credentials.username());
        fields.put("Password", credentials.password().reveal());
        HttpResponse<String> samlPage = post(http, login.uri().resolve(action(login.body())), fields);
        HttpResponse<String> relayPage = post(http, samlPage.uri().resolve(action(samlPage.body())), hidden(samlPage.body()));
        HttpResponse<String> token = post(http, relayPage.uri().resolve(action(relayPage.body())), hidden(relayPage.body()));
        Matcher access = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(token.body());
        if (!access.find()) {
            throw new IOException("plain flow: no token at the end, HTTP " + token.statusCode());
        }
        String bearer = "Bearer " + access.group(1);
        HttpResponse<String> userObject = get(http, finesse.resolve("/finesse/api/User/"
                + user.replace("+", "%20")), bearer);
        Matcher loginId = LOGIN_ID.matcher(userObject.body());
        if (!loginId.find()) {
            throw new IOException("plain flow: no loginId, HTTP " + userObject.statusCode());
        }
        HttpRequest signIn = HttpRequest.newBuilder(finesse.resolve("/finesse/api/User/" + loginId.group(1)))
                .header("Authorization", bearer).header("Content-Type", "application/xml")
                .timeout(timeout)
                .PUT(HttpRequest.BodyPublishers.ofString("<User><state>LOGIN</state><extension>" + extension
                        + "</extension></User>")).build();
        return http.send(signIn, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(HttpClient http, URI uri, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String action(String html) throws IOException {
        Matcher matcher = FORM.matcher(html);
        if (!matcher.find()) {
            throw new IOException("plain flow: no form on the page");
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
        }
        return fields;
    }
}
