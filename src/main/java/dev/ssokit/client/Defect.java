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
            "H22", "H23", "H24"),
    FIRST_FORM_ON_PAGE("fills and posts the first form of the IdP page (AD FS: the options form, not loginForm)", "I1"),
    NO_IDP_PRESETS("knows only a page with user name and password fields; no IdP presets",
            "I2", "I6", "I7", "I8", "I9"),
    SKIPS_HOME_REALM_DISCOVERY("expects the sign-in form on the first IdP page; does not pass AD FS's home realm "
            + "discovery page", "I2"),
    EXPECTS_LOGIN_FORM("insists on filling a login form: an open IdP session that answers at once is a failure", "I3"),
    IE_USER_AGENT("identifies as Internet Explorer 11 (Trident), as an embedded WebBrowser control does", "I4"),
    IGNORES_MAX_AGE_EXPIRY("keeps sending a cookie after its Max-Age ran out (expiry never judged on the clock)", "C25"),
    MAX_AGE_AS_MILLIS("reads Max-Age as milliseconds, so a cookie dies long before its time", "C25"),
    EXPIRY_NOT_RENEWED("keeps a cookie's first expiry when the cookie is set again with a new Max-Age", "C25"),
    DELETES_EVERY_PATH("a Max-Age=0 deletes every cookie of that name, whatever its Path", "C26"),
    DELETION_AT_DEFAULT_PATH("applies a deleting Set-Cookie to the default path, not its Path attribute, so the cookie lives on", "C26"),
    TRUNCATES_VALUE_AT_EQUALS("cuts a cookie value at its first '=' (a=b== becomes a)", "C27"),
    STRIPS_VALUE_QUOTES("strips the double quotes of a quoted cookie value", "C27"),
    DECODES_COOKIE_VALUES("percent-decodes cookie values before sending them back", "C27"),
    ENCODES_COOKIE_VALUES("percent-encodes legal cookie characters (/ : ? @) before sending them back", "C27"),
    DROPS_EMPTY_COOKIES("drops a cookie whose value is empty", "C27"),
    LOWERCASES_COOKIE_NAMES("lower-cases cookie names (they are case-sensitive)", "C27"),
    DOMAIN_STRING_TAIL_MATCH("matches Domain as a string tail of the host (Domain=inesse.test or est accepted for finesse.test)", "C28"),
    DOMAIN_CASE_SENSITIVE("compares the Domain attribute case-sensitively and rejects Domain=FINESSE.TEST", "C28"),
    CASE_SENSITIVE_SECURE("recognises only 'Secure' spelt exactly so, so a SECURE cookie travels over http", "C14"),
    CASE_SENSITIVE_MAX_AGE("recognises only 'Max-Age' spelt exactly so, so max-age=0 deletes nothing", "C7"),
    SENDS_ONE_COOKIE_PER_NAME("sends one cookie per name when two paths hold the same name", "C29"),
    SHORTER_PATH_FIRST("sends same-name cookies with the shorter path first", "C29"),
    SENDS_COOKIES_TWICE("sends every cookie twice in the Cookie header (two jars merged)", "C1"),
    COOKIE_PAIRS_JOINED_BY_COMMA("joins the cookie pairs with ', ' instead of '; '", "C16"),
    SENDS_RFC2965_ATTRIBUTES("sends RFC 2965 $Version and $Path attributes in the Cookie header", "C16"),
    HOST_ONLY_SENT_TO_SUBDOMAINS("treats a cookie without Domain as a domain cookie and sends it to subdomains", "C2"),
    DEFAULT_PATH_ROOT("gives a cookie without Path the path / instead of the request's directory", "C5"),
    DEFAULT_PATH_FULL_REQUEST_PATH("gives a cookie without Path the full request path instead of its directory", "C5"),
    PATH_STRING_PREFIX_MATCH("matches cookie paths as string prefixes (/lab/c6/ids also matches /lab/c6/idsadmin)", "C6"),
    EXPIRES_WINS_OVER_MAX_AGE("lets Expires win over Max-Age", "C7"),
    DROPS_CONTENT_TYPE_ON_307("re-posts the body after a 307/308 without its Content-Type", "R11"),
    TEXT_PLAIN_ON_307("re-posts the body after a 307/308 as text/plain", "R11"),
    EMPTY_BODY_ON_307("re-posts after a 307/308 with the method kept but an empty body", "R3"),
    KEEPS_CONTENT_TYPE_AFTER_303("keeps the form's Content-Type on the GET after a 303", "R2"),
    REPOSTS_AFTER_301("keeps POST, body and all, after a 301", "R2"),
    IGNORES_308("treats 308 as a final answer and does not follow it", "R1"),
    DOUBLE_ENCODES_LOCATION("percent-encodes a Location again (%20 becomes %2520)", "R12"),
    DECODES_LOCATION("percent-decodes a Location before following it (%2F becomes /)", "R12"),
    SENDS_FRAGMENT("sends the URL fragment to the server as part of the path", "R13"),
    RAW_PLUS_IN_FORM("does not percent-encode '+' in posted form fields", "J4"),
    FORM_IN_LATIN1("posts forms in ISO-8859-1 although the page is UTF-8", "J4"),
    LOOKS_UP_PRINCIPAL("looks the loginId up with user_principal instead of user_id", "F5"),
    PLUS_FOR_SPACE_IN_PATH("encodes a space in a URL path as '+'", "F5"),
    REFRESH_TIMER_NOT_RESET("after the first refresh the timer fires on every tick (it counts from the first token)", "F20"),
    ONE_SHOT_REFRESH_TIMER("refreshes once and never again, so the second token expires", "F20", "F8"),
    REFRESH_AT_EXPIRY_BOUNDARY("refreshes at 100 % of expires_in, when the token has just expired", "F8"),
    USES_OLD_TOKEN_AFTER_REFRESH("keeps sending the first access token after a refresh returned a new one", "P7"),
    REFRESH_POSTS_FIRST_ACCESS_TOKEN("posts the first access token in every refresh instead of the current one", "F9"),
    REAUTH_WITHOUT_REFRESH_TOKEN("signs in again without return_refresh_token=true, so it cannot refresh afterwards", "F11"),
    BASIC_NEXT_TO_BEARER("sends a second Authorization header, Basic with the password, next to the Bearer", "F21"),
    BASIC_FALLBACK_ON_401("answers a 401 by retrying with Basic credentials (an automatic authenticator)", "F21"),
    REPLAYS_AUTHCODE("requests the authcode URL a second time (an automatic retry of the GET)", "F22"),
    REUSES_AUTHCODE_ON_RELOGIN("opens the last authcode URL again when it signs in again", "F22"),
    IDP_GETS_FINESSE_LOGIN_NAME("types the Finesse loginName on the IdP page instead of the IdP login name (UPN or "
            + "DOMAIN\\user)", "V5"),
    IDP_NAME_AS_CC_USERNAME("has one user name field: sends the IdP login name as cc_username and in User calls",
            "V5"),
    COOKIES_PER_ADDRESS_AND_PORT("keeps cookies per server address and port, so the first IdS node's host-only "
            + "cookies also go to a second node on the same port", "V6"),
    RETRIES_FAILED_SIGN_IN("retries a failed sign-in blindly (five times), on into the reverse proxy's IP block",
            "V7");

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
