package dev.ssokit.labtarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLoaderTest {
    static final String GOOD = """
            name: lab-a
            finesse:
              primary: https://finesse-a.lab.example:8445
              secondary: https://finesse-b.lab.example:8445
            ids:
              url: https://ids-a.lab.example:8553
            deployment: uccx
            idp:
              preset: adfs
            agents:
              - loginName: agent1
                idpLoginName: agent1@lab.example
                extension: "1001"
                password: env:LAB_A_AGENT1
            trust:
              pem: ca.pem
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        return Files.writeString(dir.resolve("lab-a.yaml"), yaml);
    }

    @Test
    void readsAGoodFile() throws Exception {
        LabTarget target = TargetLoader.load(write(GOOD));
        assertThat(target.name()).isEqualTo("lab-a");
        assertThat(target.finesse()).hasToString("https://finesse-a.lab.example:8445");
        assertThat(target.finesseSecondary()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("finesse-b.lab.example"));
        assertThat(target.ids().getPort()).isEqualTo(8553);
        assertThat(target.deployment()).isEqualTo(LabTarget.Deployment.UCCX);
        assertThat(target.idpPreset()).isEqualTo("adfs");
        assertThat(target.agents()).singleElement().satisfies(agent -> {
            assertThat(agent.loginName()).isEqualTo("agent1");
            assertThat(agent.idpLoginName()).isEqualTo("agent1@lab.example");
            assertThat(agent.extension()).isEqualTo("1001");
            assertThat(agent.password()).hasToString("env:LAB_A_AGENT1");
            assertThat(agent.password().resolve(Map.of("LAB_A_AGENT1", "s3cret")::get)).contains("s3cret");
            assertThat(agent.password().resolve(Map.<String, String>of()::get)).isEmpty();
        });
        assertThat(target.trust().path()).isEqualTo(dir.resolve("ca.pem"));
        assertThat(target.trust().format()).isEqualTo(LabTarget.Trust.Format.PEM);
    }

    @Test
    void theShippedExampleIsValidApartFromItsTrustFile() {
        Path example = Path.of(System.getProperty("kit.root", ".")).resolve("targets/example-lab.yaml");
        assertThatThrownBy(() -> TargetLoader.load(example)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.problems()).singleElement().asString().contains("trust.pem").contains("lab-a-ca.pem"));
    }

    @Test
    void namesTheFileTheFieldAndTheFixForAMissingField() throws Exception {
        Path file = write(GOOD.replace("deployment: uccx\n", ""));
        assertThatThrownBy(() -> TargetLoader.load(file)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith(file + ": deployment: missing").contains("Fix: write deployment: UCCE"));
    }

    @Test
    void refusesALiteralPasswordWithoutRepeatingIt() throws Exception {
        Path file = write(GOOD.replace("env:LAB_A_AGENT1", "Hunter2-Summer"));
        assertThatThrownBy(() -> TargetLoader.load(file)).isInstanceOfSatisfying(TargetException.class, e -> {
            assertThat(e.problems()).singleElement().asString().contains("agents[0].password")
                    .contains("literal secret").contains("env:VARIABLE");
            assertThat(e.getMessage()).doesNotContain("Hunter2");
        });
    }

    @Test
    void refusesASecretFileInsideTheRepository() throws Exception {
        Files.createDirectory(dir.resolve(".git"));
        Path file = write(GOOD.replace("env:LAB_A_AGENT1", "file:" + dir.resolve("pw.txt")));
        assertThatThrownBy(() -> TargetLoader.load(file)).hasMessageContaining("inside the repository");
    }

    @Test
    void refusesABadUrl() throws Exception {
        Path file = write(GOOD.replace("https://ids-a.lab.example:8553", "http://ids-a.lab.example/ids"));
        assertThatThrownBy(() -> TargetLoader.load(file)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.problems()).singleElement().asString().contains("ids.url")
                        .contains("not an https base URL").contains("Fix: write it as https://host[:port]"));
    }

    @Test
    void refusesAnUnreadableTrustFile() throws Exception {
        Path file = write(GOOD.replace("pem: ca.pem", "pem: missing.pem"));
        assertThatThrownBy(() -> TargetLoader.load(file)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.problems()).singleElement().asString().contains("trust.pem")
                        .contains("cannot read " + dir.resolve("missing.pem")));
    }

    @Test
    void reportsEveryProblemAtOnceIncludingTypos() throws Exception {
        Path file = write(GOOD.replace("preset: adfs", "preset: nope").replace("extension:", "extention:"));
        assertThatThrownBy(() -> TargetLoader.load(file)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.problems()).hasSize(3).anyMatch(p -> p.contains("agents[0].extention: unknown field"))
                        .anyMatch(p -> p.contains("agents[0].extension: missing"))
                        .anyMatch(p -> p.contains("idp.preset: 'nope' is not a known preset")));
    }
}
