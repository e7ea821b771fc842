package dev.ssokit.client;

import java.util.List;
import java.util.Locale;

/**
 * One real-world defect the reference client can be switched into: the broken twins that prove every check can
 * fail. Each names the requirement IDs (browser-behaviours.md) whose scenarios must catch it.
 */
public enum Defect {
    NO_COOKIES("drops every cookie: never stores Set-Cookie, never sends Cookie", "R7"),
    NO_JAVASCRIPT("does not run page scripts, so the SAML auto-POST page is never submitted", "J1", "J2"),
    RAW_CC_USERNAME("puts cc_username on the wire without URL-encoding it", "F3", "C23"),
    NO_CC_USERNAME("sends cc_username neither as a query parameter nor as a cookie", "F3"),
    LOGIN_NAME_AS_LOGIN_ID("uses the token's user_id (loginName) instead of the loginId on UCCE", "F5"),
    TOKEN_IN_QUERY("sends the access token in the query string instead of an Authorization header", "F7"),
    NEVER_REFRESH("never refreshes the access token", "F8"),
    REFRESH_AFTER_EXPIRY("refreshes only after the access token has expired", "F8"),
    IGNORE_ROTATED_REFRESH_TOKEN("keeps using the first refresh token after a refresh returned a new one", "F9"),
    NO_REAUTH_AFTER_REFRESH_REFUSED("gives up when a refresh is refused instead of signing in again", "F11"),
    REFRESH_STORM_ON_401("retries refresh and the call again and again on a 401", "F12"),
    CALLS_USER_AUTH_MODE_ON_SSO("asks UserAuthMode even when the system is SSO", "F1"),
    SKIPS_USER_AUTH_MODE_ON_HYBRID("does not ask UserAuthMode on a HYBRID system and always uses SSO", "F2"),
    SSO_ON_NON_SSO_SYSTEM("ignores systemAuthMode and runs SSO on a NON_SSO system", "F2"),
    ACCEPTS_INCOMPLETE_TOKEN_RESPONSE("accepts a token response without checking its fields", "F4"),
    DROPS_SET_COOKIE_ON_REDIRECT("ignores Set-Cookie on 3xx responses", "R7", "C1"),
    KEEPS_ONLY_FIRST_SET_COOKIE("keeps only the first of several Set-Cookie headers (folds them)", "C1"),
    IGNORES_COOKIE_PATH("stores every cookie with Path=/", "C5", "C6"),
    IGNORES_COOKIE_DOMAIN("ignores the Domain attribute (parent-domain cookies become host-only)", "C3"),
    ACCEPTS_FOREIGN_DOMAIN("accepts a cookie for a domain the setting host does not belong to", "C4"),
    IGNORES_SECURE("ignores Secure and sends those cookies over http", "C14"),
    IGNORES_COOKIE_DELETION("ignores Max-Age=0, negative Max-Age and past Expires", "C7"),
    KEEPS_OLD_COOKIE_VALUE("does not replace a cookie when the same name, domain and path is set again", "C10"),
    IGNORES_HTTPONLY("shows HttpOnly cookies to page scripts", "C20"),
    SPLITS_COOKIE_HEADER("sends each cookie in a Cookie header of its own", "C16"),
    SENDS_COOKIES_TO_EVERY_HOST("sends every stored cookie to every host (stores them under the wrong host)", "C18", "C2"),
    REPOSTS_AFTER_303("repeats the POST, body and all, after a 303 or 302", "R2"),
    DROPS_BODY_ON_307("turns a 307/308 after a POST into a GET without the body", "R3"),
    KEEPS_AUTHORIZATION_CROSS_ORIGIN("keeps the Authorization header when a redirect leads to another origin", "R8"),
    NO_REDIRECT_LIMIT("follows redirects without a cap (bounded at 30 per hop here so nothing hangs)", "R6"),
    SUBMITS_FORMS_TWICE("posts each auto-submitted SAML form twice", "J12"),
    NO_META_REFRESH("ignores <meta http-equiv=refresh>", "J5"),
    NO_WAIT_FOR_TIMERS("does not wait for script timers, so delayed submits never happen", "J7", "J6"),
    NO_REDIRECTS("does not follow redirects at all", "R1"),
    RESOLVES_LOCATION_FROM_ROOT("resolves a relative Location against the site root, not the current URL", "R4"),
    IGNORES_FORM_ACTION("posts the IdP login to the page's own URL, without the form's action and hidden fields", "J4"),
    REFRESH_IGNORES_REDIRECT("does not follow a redirect that answers a refresh", "F10"),
    RENDERS_TOKEN_JSON("treats the terminal token JSON as a page to render and finds no token", "J10"),
    KEEPS_CONTROL_CHARACTER_COOKIES("keeps a cookie whose value holds a control character, as a '?' (HtmlUnit's way)",
            "C13"),
    POSTS_PASSWORD_ANYWHERE("fills in the IdP password and posts it wherever the login form points (another host, "
            + "plain http)", "S1"),
    SENDS_BASIC_OVER_HTTP("sends Basic credentials to an http:// Finesse URL", "S2"),
    ALLOWS_MIXED_CONTENT("lets an https page open plain http and ws:// sub-connections", "S3"),
    BASIC_ON_UNREADABLE_USER_AUTH_MODE("falls back to NON_SSO when UserAuthMode cannot be read and sends the SSO "
            + "agent's password as Basic credentials", "S4"),
    RAW_EXCEPTION_MESSAGES("reports network and TLS failures as bare Java exception text, without the hop",
            "H22", "H23", "H24");

    private final String description;
    private final List<String> requirements;

    Defect(String description, String... requirements) {
        this.description = description;
        this.requirements = List.of(requirements);
    }

    public String description() {
        return description;
    }

    /** Requirement IDs whose scenarios must fail for this defect. */
    public List<String> requirements() {
        return requirements;
    }

    /** Kebab-case id for the command line and reports: NO_COOKIES -> no-cookies. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Defect fromId(String id) {
        for (Defect defect : values()) {
            if (defect.id().equals(id) || defect.name().equalsIgnoreCase(id)) {
                return defect;
            }
        }
        throw new IllegalArgumentException("Unknown defect '" + id + "'. Known: "
                + java.util.Arrays.stream(values()).map(Defect::id).toList());
    }
}
