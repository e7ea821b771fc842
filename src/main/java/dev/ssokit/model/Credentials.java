package dev.ssokit.model;

/** What an agent types: the name they sign in with (loginName or peripheralId) and their password. */
public record Credentials(String username, Secret password) {
    @Override
    public String toString() {
        return "Credentials[" + username + ", password=***]";
    }
}
