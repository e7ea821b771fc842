package dev.ssokit.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stub directory of agents (stubs/users.json): who exists, with which loginId, password and auth mode. */
public final class UserDirectory {
    private final String realm;
    private final List<Agent> agents;

    public UserDirectory(String realm, List<Agent> agents) {
        this.realm = realm;
        this.agents = List.copyOf(agents);
    }

    public static UserDirectory load(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            List<Agent> agents = new ArrayList<>();
            for (JsonNode node : root.path("agents")) {
                agents.add(new Agent(text(node, "loginName", file), text(node, "loginId", file),
                        Secret.of(text(node, "password", file)), AuthMode.parse(text(node, "authMode", file)),
                        text(node, "extension", file), node.path("firstName").asText(""),
                        node.path("lastName").asText(""), optional(node, "idpLoginName", file),
                        optional(node, "uid", file)));
            }
            if (agents.isEmpty()) {
                throw new IllegalArgumentException(file + " lists no agents: add at least one under \"agents\"");
            }
            return new UserDirectory(root.path("realm").asText("finesse.com"), agents);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the stub user directory " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": agent '" + node.path("loginName").asText("?") + "' has no \""
                    + field + "\"");
        }
        return value.asText();
    }

    /** An optional name (idpLoginName, uid): absent means the loginName; present must not be blank. */
    private static String optional(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": agent '" + node.path("loginName").asText("?") + "' has an"
                    + " empty or non-text \"" + field + "\": leave it out (it then defaults to the loginName) or give"
                    + " the name as a string");
        }
        return value.asText();
    }

    /** The agent the IdP knows by this login name (a UPN or DOMAIN\\user; case-insensitive, as AD FS is). */
    public Optional<Agent> findByIdpLoginName(String name) {
        return agents.stream().filter(agent -> agent.idpLoginName().equalsIgnoreCase(name)).findFirst();
    }

    /** The agent whose SAML uid (the token's user_id) this is. */
    public Optional<Agent> findByUid(String uid) {
        return agents.stream().filter(agent -> agent.uid().equals(uid)).findFirst();
    }

    public String realm() {
        return realm;
    }

    public List<Agent> agents() {
        return agents;
    }

    /** By loginName or loginId (peripheralId), as Finesse accepts either for cc_username. */
    public Optional<Agent> find(String identifier) {
        return agents.stream().filter(agent -> agent.isKnownAs(identifier)).findFirst();
    }

    public Agent require(String identifier) {
        return find(identifier).orElseThrow(() -> new IllegalArgumentException(
                "No agent '" + identifier + "' in the stub directory; known: "
                        + agents.stream().map(Agent::loginName).toList()));
    }
}
