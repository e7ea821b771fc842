package dev.ssokit.conformance.checks;

/**
 * The names one agent has where they differ (finesse-sso-protocol.md 8.8): the IdP login name (a UPN or
 * DOMAIN\\user, typed on the IdP's page), the SAML {@code uid} (IdS's token user_id), and the Finesse loginName
 * and loginId (cc_username, User calls). Messages say which name went where.
 */
public record AgentNames(String idpLoginName, String uid, String loginName, String loginId) {
    /** What this value is, in words, so a message can say "that is the uid". */
    public String whichIs(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.equalsIgnoreCase(idpLoginName) && !value.equals(loginName)) {
            return "'" + value + "', the IdP login name";
        }
        if (value.equals(uid) && !value.equals(loginName)) {
            return "'" + value + "', the uid (the token's user_id)";
        }
        if (value.equals(loginName)) {
            return "'" + value + "', the Finesse loginName";
        }
        if (value.equals(loginId)) {
            return "'" + value + "', the loginId (peripheralId)";
        }
        return "'" + value + "', none of this agent's names";
    }

    public String legend() {
        return "IdP login name '" + idpLoginName + "' (the IdP page), uid '" + uid + "' (SAML, the token's user_id),"
                + " Finesse loginName '" + loginName + "' and loginId '" + loginId + "' (cc_username, User calls)";
    }
}
