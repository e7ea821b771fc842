package dev.ssokit.model;

/**
 * One entry of the stub directory (stubs/users.json): on UCCE loginName and loginId differ (sjefferson / 98411);
 * the IdP authenticates loginName and puts it in the token as user_id.
 * <p>
 * Real deployments (finesse-sso-protocol.md 8.8) can give an agent three names: the IdP login name the agent types
 * on the IdP page (a UPN such as {@code kwalker@corp.example} or {@code CORP\kwalker}), the {@code uid} the SAML
 * assertion carries (which IdS puts into the token as {@code user_id}), and the Finesse loginName that
 * {@code cc_username} carries. Both extra names default to the loginName.
 */
public record Agent(String loginName, String loginId, Secret password, AuthMode authMode, String extension,
                    String firstName, String lastName, String idpLoginName, String uid) {
    public Agent {
        idpLoginName = idpLoginName == null || idpLoginName.isBlank() ? loginName : idpLoginName;
        uid = uid == null || uid.isBlank() ? loginName : uid;
    }

    public Agent(String loginName, String loginId, Secret password, AuthMode authMode, String extension,
                 String firstName, String lastName) {
        this(loginName, loginId, password, authMode, extension, firstName, lastName, null, null);
    }

    /** What the agent knows: the Finesse loginName (for cc_username), the password, the IdP login name. */
    public Credentials credentials() {
        return new Credentials(loginName, password, idpLoginName);
    }

    public boolean isKnownAs(String identifier) {
        return loginName.equals(identifier) || loginId.equals(identifier);
    }

    /** Whether this agent's three names differ at all (the 8.8 variant). */
    public boolean hasDistinctNames() {
        return !idpLoginName.equals(loginName) || !uid.equals(loginName);
    }
}
