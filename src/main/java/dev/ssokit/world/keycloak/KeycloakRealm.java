package dev.ssokit.world.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.model.Agent;
import dev.ssokit.world.TlsMaterial.IssuedKey;
import dev.ssokit.world.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The realm Keycloak imports: stubs/keycloak/realm.json with the run's values filled in: the IdS SAML client
 * (entity ID, ACS URL with this run's IdS port), the realm signing key from the world CA, one user per agent.
 */
final class KeycloakRealm {
    static final String NAME = "finesse";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakRealm() {
    }

    static String build(Path template, String idsEntityId, String acsUrl, IssuedKey signing, UserDirectory users) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new KeycloakDistribution.Unavailable("No Keycloak realm template at " + template
                    + ": run from the kit's folder (stubs/keycloak/realm.json)");
        }
        String acsPrefix = acsUrl.contains("?") ? acsUrl.substring(0, acsUrl.indexOf('?')) : acsUrl;
        text = text.replace("${IDS_ENTITY_ID}", idsEntityId).replace("${IDS_ACS_PREFIX}", acsPrefix)
                .replace("${IDS_ACS}", acsUrl)
                .replace("${SIGNING_KEY_PEM}", oneLine(signing.privateKeyPem()))
                .replace("${SIGNING_CERT_PEM}", signing.certificateBase64());
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(text);
            realm.remove("_comment");
            ArrayNode list = realm.putArray("users");
            for (Agent agent : users.agents()) {
                ObjectNode user = list.addObject();
                user.put("username", agent.loginName());
                user.put("enabled", true);
                user.put("firstName", agent.firstName());
                user.put("lastName", agent.lastName());
                user.put("email", email(agent.loginName(), users.realm()));
                user.put("emailVerified", true);
                ObjectNode password = user.putArray("credentials").addObject();
                password.put("type", "password");
                password.put("value", agent.password().reveal());
                password.put("temporary", false);
            }
            return JSON.writeValueAsString(realm);
        } catch (IOException | ClassCastException e) {
            throw new KeycloakDistribution.Unavailable("The Keycloak realm template " + template
                    + " is not a JSON object: " + e.getMessage());
        }
    }

    /** Keycloak's user profile asks for an email: the loginName if it is one, else name@realm, ASCII only. */
    static String email(String loginName, String realm) {
        if (loginName.contains("@")) {
            return loginName;
        }
        String local = java.text.Normalizer.normalize(loginName, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z0-9+.-]", ".").toLowerCase(Locale.ROOT);
        return local + "@" + realm;
    }

    private static String oneLine(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
