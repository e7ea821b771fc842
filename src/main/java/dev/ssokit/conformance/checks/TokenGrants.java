package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens Finesse handed out, in journal order: each 200 token JSON of /desktop/sso/token (the end of a sign-in
 * chain, or a refresh), with when it came, its access token and its lifetime.
 */
public final class TokenGrants {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    /** One grant: the exchange that answered it, the access token, expires_in, and whether it was a refresh. */
    public record Grant(Exchange exchange, String accessToken, long expiresIn, boolean refresh) {
        public long at() {
            return exchange.atSecond();
        }

        public long expiresAt() {
            return at() + expiresIn;
        }
    }

    private TokenGrants() {
    }

    public static List<Grant> in(Evidence evidence) {
        List<Grant> grants = new ArrayList<>();
        for (Exchange e : evidence.journal()) {
            if (e.system() != dev.ssokit.world.StubSystem.FINESSE || !e.path().equals("/desktop/sso/token")
                    || e.status() != 200 || e.responseBody() == null) {
                continue;
            }
            Matcher token = TOKEN.matcher(e.responseBody());
            Matcher expires = EXPIRES.matcher(e.responseBody());
            if (token.find()) {
                grants.add(new Grant(e, token.group(1), expires.find() ? Long.parseLong(expires.group(1)) : 0,
                        Exchanges.isRefresh(e)));
            }
        }
        return grants;
    }

    /** The last grant answered before this exchange (by journal sequence). */
    public static Optional<Grant> before(List<Grant> grants, Exchange e) {
        Grant last = null;
        for (Grant grant : grants) {
            if (grant.exchange().sequence() < e.sequence()) {
                last = grant;
            }
        }
        return Optional.ofNullable(last);
    }

    /** "Bearer xyz" -> "xyz" (empty if not a Bearer). */
    public static String bearer(Exchange e) {
        return e.requestHeader("authorization").stream().filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).findFirst().orElse("");
    }
}
