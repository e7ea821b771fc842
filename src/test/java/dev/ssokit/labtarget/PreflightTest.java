package dev.ssokit.labtarget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.TlsMaterial;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded stub world stands in for a lab. */
class PreflightTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> ENV = Map.of("AGENT_PW", "Stub-Pass-98411", "TRUST_PW", "stub-world");
    private static StubWorld world;

    @BeforeAll
    static void startTheLab() {
        world = StubWorld.start(Path.of(System.getProperty("kit.root", ".")).resolve("stubs"));
    }

    @AfterAll
    static void stopTheLab() {
        world.close();
    }

    private static LabTarget target(Optional<URI> secondary) {
        LabTarget.Agent agent = new LabTarget.Agent("sjefferson", "sjefferson@finesse.com", "98411",
                SecretRef.parse("env:AGENT_PW").orElseThrow());
        LabTarget.Trust trust = new LabTarget.Trust(world.tls().trustStore(), LabTarget.Trust.Format.PKCS12,
                SecretRef.parse("env:TRUST_PW"));
        return new LabTarget(Path.of("targets/stub.yaml"), "stub", world.baseUri(StubSystem.FINESSE), secondary,
                world.baseUri(StubSystem.IDS), LabTarget.Deployment.UCCE, "adfs", List.of(agent), trust);
    }

    @Test
    void aHealthyLabHasNoProblems() {
        assertThat(Preflight.run(target(Optional.empty()), ENV::get, TIMEOUT)).isEmpty();
    }

    @Test
    void namesAHostThatDoesNotResolve() {
        List<PreflightProblem> problems = Preflight.run(target(Optional.of(URI.create("https://nosuch.invalid:8445"))),
                ENV::get, TIMEOUT);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("dns nosuch.invalid");
            assertThat(p.fix()).contains("host name in the target file");
        });
    }

    @Test
    void namesTheHostAndItsCertificateWhenTheTrustBundleDoesNotHoldIt() throws Exception {
        TlsMaterial stranger = TlsMaterial.generate(List.of("unrelated.test"), Files.createTempDirectory("other-ca-"));
        TrustBundle wrong = TrustBundle.of(Path.of("wrong-ca.pem"),
                List.of((X509Certificate) stranger.trustKeyStore().getCertificate("stub-ca")));
        List<PreflightProblem> problems = Preflight.run(target(Optional.empty()), wrong, ENV::get, TIMEOUT);
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p.check()).startsWith("tls "));
        assertThat(problems.get(0).what()).contains("finesse.test").contains("presented [CN=finesse.test")
                .contains("issued by CN=Finesse SSO Kit stub CA").contains("valid ").contains("wrong-ca.pem");
        assertThat(problems.get(0).fix()).contains("add the CA").contains("never trusts all");
    }

    @Test
    void saysWhichSecretIsMissingAndHowToProvideIt() {
        List<PreflightProblem> problems = Preflight.run(target(Optional.empty()), Map.of("TRUST_PW", "stub-world")::get,
                TIMEOUT);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("secret agents[0].password");
            assertThat(p.what()).contains("sjefferson").contains("env:AGENT_PW");
            assertThat(p.fix()).isEqualTo("export AGENT_PW=... in the shell that runs the kit");
        });
    }

    @Test
    void reportsAnUnknownAgentFromUserAuthMode() {
        LabTarget good = target(Optional.empty());
        LabTarget.Agent stranger = new LabTarget.Agent("nobody-here", "nobody", "1", good.agents().get(0).password());
        LabTarget target = new LabTarget(good.file(), good.name(), good.finesse(), good.finesseSecondary(), good.ids(),
                good.deployment(), good.idpPreset(), List.of(stranger), good.trust());
        assertThat(Preflight.run(target, ENV::get, TIMEOUT)).singleElement()
                .satisfies(p -> assertThat(p.check()).isEqualTo("userauthmode nobody-here"));
    }
}
