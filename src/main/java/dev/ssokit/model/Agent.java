package dev.ssokit.model;

/**
 * One entry of the stub directory (stubs/users.json): on UCCE loginName and loginId differ (sjefferson / 98411);
 * the IdP authenticates loginName and puts it in the token as user_id.
 */
public record Agent(String loginName, String loginId, Secret password, AuthMode authMode, String extension,
                    String firstName, String lastName) {
    public Credentials credentials() {
        return new Credentials(loginName, password);
    }

    public boolean isKnownAs(String identifier) {
        return loginName.equals(identifier) || loginId.equals(identifier);
    }
}
