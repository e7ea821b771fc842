package dev.ssokit.world.stubs;

/** Where each IdP preset of the stub IdP takes its SAML requests (its SSO URL path on idp.test). */
final class IdpPresetPages {
    private IdpPresetPages() {
    }

    static String ssoPath(String preset) {
        String name = preset == null ? "adfs" : preset;
        if (name.startsWith("entra")) {
            return "/finesse.com/saml2";
        }
        if (name.startsWith("okta")) {
            return "/app/finesse/exk1cisco/sso/saml";
        }
        if (name.startsWith("ping")) {
            return "/idp/SSO.saml2";
        }
        return "/adfs/ls/";
    }
}
