package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.world.SsoState.TokenGrant;
import dev.ssokit.world.TokenService.Claims;
import dev.ssokit.world.WorldSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the VPN-less reverse proxy in front of Finesse and IdS adds (finesse-sso-protocol.md 8.2, 8.13): credentials
 * on SystemInfo, and a User-Agent filter. Also the credential checks shared by several stubs.
 */
final class ReverseProxy {
    private ReverseProxy() {
    }

    /** Valid Basic credentials of a known agent, or a valid, unexpired access token. */
    static boolean authenticated(StubContext context, Request request) {
        for (String authorization : authorizations(request)) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<Claims> claims = context.idsLink().read(authorization.substring(7).trim())
                        .filter(c -> "access".equals(c.usage()) && !c.expiredAt(context.clock.instant()));
                if (claims.isPresent()) {
                    return true;
                }
            } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] pair = decodeBasic(authorization);
                if (pair != null && context.directory.find(pair[0])
                        .filter(a -> a.password().reveal().equals(pair[1])).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Basic credentials of Finesse's IdS client registration (the public-key endpoint, 8.7). */
    static boolean clientCredentials(Request request) {
        for (String authorization : authorizations(request)) {
            String[] pair = authorization.regionMatches(true, 0, "Basic ", 0, 6) ? decodeBasic(authorization) : null;
            if (pair != null && pair[0].equals(WorldSettings.FINESSE_CLIENT_ID)
                    && pair[1].equals(WorldSettings.FINESSE_CLIENT_SECRET)) {
                return true;
            }
        }
        return false;
    }

    /** A session's grant is still usable: its access token has not expired (else the flow starts over). */
    static boolean current(StubContext context, TokenGrant grant) {
        return context.idsLink().read(grant.accessToken()).filter(c -> !c.expiredAt(context.clock.instant())).isPresent();
    }

    /** The proxy's answer to a User-Agent its filter does not admit, or null. */
    static ResponseDefinition userAgentRefusal(StubContext context, Request request) {
        String pattern = context.settings.proxyUserAgentPattern();
        if (pattern == null) {
            return null;
        }
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && Pattern.compile(pattern).matcher(userAgent).find()) {
            return null;
        }
        return Answers.errorPage(403, "403 Forbidden", "The reverse proxy admits only the User-Agents of its "
                + "allow-list; this request's User-Agent is not on it.");
    }

    private static java.util.List<String> authorizations(Request request) {
        com.github.tomakehurst.wiremock.http.HttpHeader header = request.getHeaders().getHeader("Authorization");
        return header.isPresent() ? header.values() : java.util.List.of();
    }

    private static String[] decodeBasic(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
