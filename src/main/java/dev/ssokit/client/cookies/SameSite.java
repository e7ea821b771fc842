package dev.ssokit.client.cookies;

/** The same-site-flag of rfc6265bis §5.6.7: "Default" when the attribute is absent or has an unknown value. */
public enum SameSite {
    STRICT, LAX, NONE, DEFAULT
}
