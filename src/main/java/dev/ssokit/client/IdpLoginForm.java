package dev.ssokit.client;

/**
 * How to recognise and fill the IdP's login page: target data, so another IdP needs no Java change. The defaults
 * are AD FS's field names and error element.
 */
public record IdpLoginForm(String usernameField, String passwordField, String errorElementId) {
    public static IdpLoginForm adfs() {
        return new IdpLoginForm("UserName", "Password", "errorText");
    }
}
