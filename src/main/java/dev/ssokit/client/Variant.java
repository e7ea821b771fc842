package dev.ssokit.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One legitimate behaviour the reference client can be switched into: the conformant twins, mirror of the broken
 * twins ({@link Defect}). Each is something Cisco documents, every browser does, or plain valid HTTP; each names
 * that source, and the requirement IDs whose checks it exercises. The whole suite must pass each of them (a WARN
 * only where the source itself is a recommendation).
 */
public enum Variant {
    OK_COOKIE_PATH_ROOT("seeds the cc_username cookie with Path=/ on the Finesse host",
            "TechNote 214555: the desktop's cc_username cookie reaches IdS and the IdP", "C23", "C18"),
    OK_COOKIE_DOMAIN("seeds the cc_username cookie as a domain cookie (Domain=<Finesse host>), not host-only",
            "RFC 6265bis §5.6.3: a Domain equal to the host is valid; TechNote 214555", "C23", "C18"),
    OK_USERNAME_QUERY_AND_COOKIE("sends cc_username both as a query parameter and as a cookie",
            "Cisco Finesse Developer Guide 12.5: query or cookie; both name the same user", "F3", "C23"),
    OK_LOWERCASE_PERCENT_HEX("percent-encodes cc_username with lower-case hex digits (%c3%a9)",
            "RFC 3986 §2.1: upper- and lower-case hex digits are equivalent", "F3", "C23"),
    OK_SPACE_AS_PERCENT_20("encodes a space in cc_username as %20 instead of +",
            "application/x-www-form-urlencoded (as Finesse's servlet decodes): %20 and + are both a space", "F3"),
    OK_ENCODE_EVERY_CHARACTER("percent-encodes every character of cc_username but letters and digits (%2E for .)",
            "RFC 3986 §2.3, §6.2.2.2: encoded unreserved characters decode to the same name", "F3", "C23"),
    OK_QUERY_REFRESH("refreshes with TechNote 215626's form: GET /desktop/sso/token?cc_username=...&refresh-token=...",
            "TechNote 215626 (a WARN under F15: the token lands in URLs)", "F9", "F15"),
    OK_EARLY_REFRESH("refreshes at 40 % of expires_in instead of 75 %",
            "Cisco's Client Integration example refreshed 40 s into a 300 s token (a WARN under F14)", "F8", "F14"),
    OK_REFRESH_WITHOUT_RETURN_FLAG("refreshes with token + refresh-token only, without return_refresh_token",
            "Cisco Finesse Developer Guide 12.5: the refresh form has token and refresh-token", "F9", "F16"),
    OK_REFRESH_WITHOUT_CC_USERNAME("sends no cc_username on the POST refresh (the form alone)",
            "Cisco Finesse Developer Guide 12.5: the refresh form is token + refresh-token", "F9", "P7"),
    OK_FAVICON("fetches /favicon.ico once per origin after the first page, as every browser does",
            "all major browsers; protocol 8.15", "R1", "R7", "C18"),
    OK_SUBRESOURCES("loads a stylesheet, a script and an image beside each HTML page, with Sec-Fetch-Dest headers",
            "all major browsers (CEF, WebView2 thick clients too); protocol 8.15", "R1", "J1", "J2"),
    OK_HEARTBEAT_SYSTEMINFO("reads SystemInfo again whenever time passes (the desktop's heartbeat)",
            "Cisco Finesse desktop polls SystemInfo; valid HTTP", "F1", "F8"),
    OK_BASIC_ON_SYSTEMINFO("sends Basic credentials on SystemInfo once it knows them",
            "PCCE 12.6(1) Features Guide, VPN-less: SystemInfo needs the authorization headers; protocol 8.2",
            "P1", "F1"),
    OK_BEARER_ON_SYSTEMINFO("sends its Bearer token on SystemInfo once it holds one",
            "PCCE 12.6(1) Features Guide, VPN-less; protocol 8.2", "F1", "F17"),
    OK_CUSTOM_USER_AGENT("appends its own product token to the browser User-Agent (... FinesseConnector/2.1)",
            "RFC 9110 §10.1.5 (product tokens); thick clients that embed a browser do this", "R1", "V3"),
    OK_ACCEPT_LANGUAGE("sends Accept-Language: fr-CA on every request, as a French-Canadian desktop does",
            "RFC 9110 §12.5.4; all major browsers", "R1", "J4"),
    OK_IDP_SESSION_REUSE("keeps the IdS and IdP session cookies when it signs in again, so no login page shows",
            "all major browsers keep session cookies; real IdPs skip the form for an open session (protocol 8.9)",
            "F11", "F12"),
    OK_ACCEPT_XML("sends Accept: application/xml on Finesse REST calls",
            "RFC 9110 §12.5.1; Finesse answers XML", "F7", "P6"),
    OK_XML_DECLARATION("sends the sign-in PUT with an XML declaration and Content-Type application/xml; charset=UTF-8",
            "XML 1.0 §2.8; RFC 7303 §3.2", "P6"),
    OK_LATE_REFRESH("refreshes at 95 % of expires_in instead of 75 % (still before the token expires)",
            "Cisco Finesse Developer Guide 12.5: refresh before expiry; 75 % is advice (a WARN under F20)", "F8", "F9",
            "F20");

    private final String description;
    private final String source;
    private final List<String> requirements;

    Variant(String description, String source, String... requirements) {
        this.description = description;
        this.source = source;
        this.requirements = List.of(requirements);
    }

    public String description() {
        return description;
    }

    /** The document, RFC or browser behaviour that makes the variant legitimate. */
    public String source() {
        return source;
    }

    /** Requirement IDs whose checks the variant exercises (they must not fail for it). */
    public List<String> requirements() {
        return requirements;
    }

    /** Kebab-case id for the command line: OK_COOKIE_PATH_ROOT -> ok-cookie-path-root. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static boolean isId(String id) {
        return Arrays.stream(values()).anyMatch(v -> v.id().equals(id) || v.name().equalsIgnoreCase(id));
    }

    public static Variant fromId(String id) {
        for (Variant variant : values()) {
            if (variant.id().equals(id) || variant.name().equalsIgnoreCase(id)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("Unknown variant '" + id + "'. Known: "
                + Arrays.stream(values()).map(Variant::id).toList());
    }
}
