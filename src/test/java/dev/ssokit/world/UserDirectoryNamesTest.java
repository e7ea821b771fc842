package dev.ssokit.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssokit.model.Agent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stubs/users.json's optional idpLoginName and uid (protocol 8.8): defaults, lookups, and a clear error. */
class UserDirectoryNamesTest {
    @TempDir
    Path dir;

    private UserDirectory load(String agents) throws Exception {
        Path file = dir.resolve("users.json");
        Files.writeString(file, "{\"realm\":\"finesse.com\",\"agents\":[" + agents + "]}");
        return UserDirectory.load(file);
    }

    private static String agent(String loginName, String extra) {
        return "{\"loginName\":\"" + loginName + "\",\"loginId\":\"1\",\"password\":\"p\",\"authMode\":\"SSO\","
                + "\"extension\":\"1\"" + extra + "}";
    }

    @Test
    void bothNamesDefaultToTheLoginName() throws Exception {
        Agent agent = load(agent("sjefferson", "")).require("sjefferson");
        assertThat(agent.idpLoginName()).isEqualTo("sjefferson");
        assertThat(agent.uid()).isEqualTo("sjefferson");
        assertThat(agent.credentials().idpLoginName()).isEqualTo("sjefferson");
        assertThat(agent.hasDistinctNames()).isFalse();
    }

    @Test
    void distinctNamesAreFoundByTheNameEachSystemKnows() throws Exception {
        UserDirectory directory = load(agent("kim.walker",
                ",\"idpLoginName\":\"kwalker@corp.example\",\"uid\":\"kwalker\""));
        assertThat(directory.findByIdpLoginName("KWalker@corp.example")).map(Agent::loginName).contains("kim.walker");
        assertThat(directory.findByUid("kwalker")).map(Agent::loginName).contains("kim.walker");
        assertThat(directory.find("kwalker")).as("Finesse does not know the uid as a loginName").isEmpty();
        assertThat(directory.require("kim.walker").credentials().username()).isEqualTo("kim.walker");
        assertThat(directory.require("kim.walker").credentials().toString()).doesNotContain("p]")
                .contains("IdP login kwalker@corp.example");
    }

    @Test
    void aBlankNameIsRefusedNamingTheAgentAndTheField() {
        assertThatThrownBy(() -> load(agent("kim.walker", ",\"uid\":\" \"")))
                .hasMessageContaining("kim.walker").hasMessageContaining("\"uid\"").hasMessageContaining("leave it out");
    }
}
