package dev.ssokit.model;

/** Where the client puts {@code cc_username} on {@code GET /desktop/sso/token} (Cisco step 3: query or cookie). */
public enum UsernameCarrier {
    QUERY, COOKIE
}
