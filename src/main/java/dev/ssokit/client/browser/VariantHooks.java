package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Variant;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.TokenSet;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;

/**
 * Where the reference client turns into a conformant twin ({@link Variant}): each hook answers the reference
 * client's own choice unless a variant is switched on. The client calls these in a few places only.
 */
final class VariantHooks {
    private static final String PRODUCT_TOKEN = " FinesseConnector/2.1";

    private VariantHooks() {
    }

    static BrowserVersion browserVersion(ClientSettings settings) {
        BrowserVersion best = BrowserVersion.BEST_SUPPORTED;
        if (!settings.has(Variant.OK_CUSTOM_USER_AGENT)) {
            return best;
        }
        return new BrowserVersion.BrowserVersionBuilder(best).setUserAgent(best.getUserAgent() + PRODUCT_TOKEN)
                .build();
    }

    static WebConnection connection(WebConnection connection, ClientSettings settings) {
        return SubresourceFetcher.needed(settings) ? new SubresourceFetcher(connection, settings) : connection;
    }

    static void configure(WebClient browser, ClientSettings settings) {
        if (settings.proxy() != null) { // a lab run: every request crosses the recording proxy
            browser.getOptions().setProxyConfig(new org.htmlunit.ProxyConfig(settings.proxy().getHostString(),
                    settings.proxy().getPort(), "http"));
        }
        if (settings.has(Variant.OK_ACCEPT_LANGUAGE)) {
            browser.addRequestHeader("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.8");
        }
    }

    /** cc_username as the reference client encodes it (URLEncoder), or in another equivalent encoding. */
    static String encodeUsername(String username, ClientSettings settings) {
        String encoded = URLEncoder.encode(username, StandardCharsets.UTF_8);
        if (settings.has(Variant.OK_ENCODE_EVERY_CHARACTER)) {
            StringBuilder all = new StringBuilder();
            for (byte b : username.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                all.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
            encoded = all.toString();
        }
        if (settings.has(Variant.OK_SPACE_AS_PERCENT_20)) {
            encoded = encoded.replace("+", "%20");
        }
        if (settings.has(Variant.OK_LOWERCASE_PERCENT_HEX)) {
            StringBuilder lower = new StringBuilder(encoded);
            for (int i = lower.indexOf("%"); i >= 0 && i + 2 < lower.length(); i = lower.indexOf("%", i + 1)) {
                lower.replace(i + 1, i + 3, lower.substring(i + 1, i + 3).toLowerCase());
            }
            encoded = lower.toString();
        }
        return encoded;
    }

    static boolean usernameCookieToo(ClientSettings settings) {
        return settings.has(Variant.OK_USERNAME_QUERY_AND_COOKIE);
    }

    static String usernameCookiePath(ClientSettings settings) {
        return settings.has(Variant.OK_COOKIE_PATH_ROOT) ? "/" : "/desktop/sso/token";
    }

    static String usernameCookieDomain(String host, ClientSettings settings) {
        return settings.has(Variant.OK_COOKIE_DOMAIN) ? "." + host : host;
    }

    /** Seconds after which the token is refreshed: 75 % (Cisco's advice), 40 % as in Cisco's own example, or 95 %. */
    static long refreshDue(long expiresIn, ClientSettings settings) {
        double share = settings.has(Variant.OK_EARLY_REFRESH) ? 0.40 : settings.has(Variant.OK_LATE_REFRESH) ? 0.95 : 0.75;
        return (long) Math.ceil(expiresIn * share);
    }

    /** The refresh: the 12.5 guide's POST form (reference), or TechNote 215626's GET query, or leaner forms. */
    static WebRequest refreshRequest(URL finesse, String encodedUsername, boolean usernameInQuery, TokenSet token,
                                     dev.ssokit.model.Secret postedAccessToken, ClientSettings settings)
            throws java.net.MalformedURLException {
        if (settings.has(Variant.OK_QUERY_REFRESH)) {
            return new WebRequest(new URL(finesse, "/desktop/sso/token?cc_username=" + encodedUsername
                    + "&refresh-token=" + URLEncoder.encode(token.refreshToken().reveal(), StandardCharsets.UTF_8)),
                    HttpMethod.GET);
        }
        boolean named = usernameInQuery && !settings.has(Variant.OK_REFRESH_WITHOUT_CC_USERNAME);
        WebRequest request = new WebRequest(new URL(finesse, "/desktop/sso/token"
                + (named ? "?cc_username=" + encodedUsername : "")), HttpMethod.POST);
        List<NameValuePair> form = new java.util.ArrayList<>(List.of(
                new NameValuePair("token", postedAccessToken.reveal()),
                new NameValuePair("refresh-token", token.refreshToken().reveal())));
        if (!settings.has(Variant.OK_REFRESH_WITHOUT_RETURN_FLAG)) {
            form.add(new NameValuePair("return_refresh_token", "true"));
        }
        request.setRequestParameters(form);
        return request;
    }

    /** Credentials on SystemInfo: none (reference), or the ones the VPN-less proxy wants (or a variant sends). */
    static void systemInfoCredentials(WebRequest request, boolean retryAfter401, Credentials credentials,
                                      TokenSet token, ClientSettings settings) {
        boolean bearer = token != null && (retryAfter401 || settings.has(Variant.OK_BEARER_ON_SYSTEMINFO));
        if (bearer) {
            request.setAdditionalHeader("Authorization", "Bearer " + token.accessToken().reveal());
        } else if (credentials != null && (retryAfter401 || settings.has(Variant.OK_BASIC_ON_SYSTEMINFO))) {
            request.setAdditionalHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static boolean heartbeat(ClientSettings settings) {
        return settings.has(Variant.OK_HEARTBEAT_SYSTEMINFO);
    }

    static boolean keepSessionsOnReauthentication(ClientSettings settings) {
        return settings.has(Variant.OK_IDP_SESSION_REUSE);
    }

    /** Extra headers and body shape on Finesse REST calls. */
    static String restBody(WebRequest request, String xmlBody, ClientSettings settings) {
        if (settings.has(Variant.OK_ACCEPT_XML)) {
            request.setAdditionalHeader("Accept", "application/xml");
        }
        if (xmlBody != null && settings.has(Variant.OK_XML_DECLARATION)) {
            request.setAdditionalHeader("Content-Type", "application/xml; charset=UTF-8");
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xmlBody;
        }
        return xmlBody;
    }
}
