package dev.ssokit.model;

/**
 * What an agent types: the name they sign in to Finesse with (loginName or peripheralId: it travels as
 * cc_username), their password, and the name their IdP knows them by (a UPN or DOMAIN\\user; typed on the IdP's
 * page). Where the IdP knows the agent by the Finesse name, {@code idpLoginName} is the username.
 */
public record Credentials(String username, Secret password, String idpLoginName) {
    public Credentials {
        idpLoginName = idpLoginName == null || idpLoginName.isBlank() ? username : idpLoginName;
    }

    public Credentials(String username, Secret password) {
        this(username, password, null);
    }

    /** The same credentials with another name on the IdP page (a twin that types the wrong one). */
    public Credentials withIdpLoginName(String name) {
        return new Credentials(username, password, name);
    }

    /** The same credentials with another Finesse name (cc_username, User calls). */
    public Credentials withUsername(String name) {
        return new Credentials(name, password, idpLoginName);
    }

    @Override
    public String toString() {
        return "Credentials[" + username + (idpLoginName.equals(username) ? "" : ", IdP login " + idpLoginName)
                + ", password=***]";
    }
}
