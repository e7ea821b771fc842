package dev.ssokit.client;

/**
 * How to recognise and fill the IdP's login page: target data, so another IdP needs no Java change. The defaults
 * are AD FS's field names and error element.
 */
public record IdpLoginForm(String usernameField, String passwordField, String errorElementId,
                           java.util.List<dev.ssokit.client.idp.IdpPreset> presets) {
    public IdpLoginForm {
        presets = presets == null ? java.util.List.of() : java.util.List.copyOf(presets);
    }

    public IdpLoginForm(String usernameField, String passwordField, String errorElementId) {
        this(usernameField, passwordField, errorElementId, java.util.List.of());
    }

    /** The same form, plus the IdP presets (stubs/idp/presets) that get the client through other IdP pages. */
    public IdpLoginForm withPresets(java.util.List<dev.ssokit.client.idp.IdpPreset> idpPresets) {
        return new IdpLoginForm(usernameField, passwordField, errorElementId, idpPresets);
    }

    public static IdpLoginForm adfs() {
        return new IdpLoginForm("UserName", "Password", "errorText");
    }

    /** Keycloak's login page (keycloak.v2 theme): username, password, the error under the user name field. */
    public static IdpLoginForm keycloak() {
        return new IdpLoginForm("username", "password", "input-error-username");
    }
}
