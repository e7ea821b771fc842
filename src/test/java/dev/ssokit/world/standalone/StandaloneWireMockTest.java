package dev.ssokit.world.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.ReferenceClient;
import dev.ssokit.conformance.observed.ObservedJudgement;
import dev.ssokit.conformance.observed.ObservedJudgement.Result;
import dev.ssokit.model.Agent;
import dev.ssokit.model.TokenSet;
import dev.ssokit.report.Redactor;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.UserDirectory;
import dev.ssokit.world.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's stubs in three standalone WireMock processes (docs/standalone-wiremock.md): the reference client walks
 * Cisco's procedure (steps 1–7: system and user auth mode, token through IdS and the IdP, loginId, the LOGIN call,
 * refresh) across them, and the kit's observed-mode judgement of their merged journals says PASS. Finesse and IdS
 * share no memory here: codes, refreshes and token validation cross over HTTPS.
 */
class StandaloneWireMockTest {
    @TempDir
    static Path work;
    private static StandaloneProcesses world;

    @BeforeAll
    static void startProcesses() throws Exception {
        Path root = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath();
        Path jar = StandaloneProcesses.standaloneJar(root);
        Assumptions.assumeTrue(jar != null, "SKIPPED LOUDLY: no wiremock-standalone jar under target/wiremock-standalone "
                + "(mvn process-test-classes copies it); the standalone WireMock test did not run");
        world = StandaloneProcesses.start(root, work, jar);
    }

    @AfterAll
    static void stopProcesses() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theReferenceClientSignsInAndRefreshesAcrossThreeStandaloneWireMockProcesses() throws Exception {
        world.clearJournals();
        UserDirectory directory = UserDirectory.load(world.stubs.resolve("users.json"));
        Agent anne = directory.require("anne+ops");
        VirtualClock clientClock = VirtualClock.wall();
        ClientSettings settings = new ClientSettings(world.bases.get(StubSystem.FINESSE), world.tls.clientContext(),
                clientClock, IdpLoginForm.adfs(), Duration.ofSeconds(10), Set.of());
        try (ClientUnderTest client = ReferenceClient.create(settings)) {
            var signedIn = client.connect(anne.credentials(), anne.extension());
            assertThat(signedIn.succeeded()).as(signedIn.failure() + "\nFinesse log:\n" + world.log(StubSystem.FINESSE)
                    + "\nIdS log:\n" + world.log(StubSystem.IDS)).isTrue();
            assertThat(client.loginId()).contains(anne.loginId());
            TokenSet first = client.currentToken().orElseThrow();
            // the client's timer sees most of the 300 s lifetime gone; by the servers' wall clock both tokens are valid
            clientClock.advance(Duration.ofSeconds(240));
            client.timePassed();
            TokenSet second = client.currentToken().orElseThrow();
            assertThat(second.accessToken().reveal()).as("refreshed through Finesse, which asked IdS over HTTPS")
                    .isNotEqualTo(first.accessToken().reveal());
            assertThat(client.readOwnUser().succeeded()).as("the refreshed token is accepted by Finesse").isTrue();
        }

        String idsRequests = world.get(StubSystem.IDS, "/__admin/requests");
        assertThat(idsRequests).as("Finesse redeemed the code and refreshed at IdS's token endpoint, over HTTPS")
                .contains("/ids/v1/oauth/token").contains("/ids/v1/keys/token/public")
                .contains("grant_type=authorization_code").contains("grant_type=refresh_token");

        List<Exchange> journal = world.mergedJournal();
        assertThat(journal).extracting(Exchange::path).as("the back-channel is not the client's traffic")
                .doesNotContain("/ids/v1/oauth/token", "/FederationMetadata/2007-06/FederationMetadata.xml");
        ObservedJudgement.Outcome outcome = ObservedJudgement.judge(journal, 0, directory, Redactor.standard(), false);
        Map<String, Result> results = outcome.behaviours().stream().collect(Collectors.toMap(
                ObservedJudgement.Behaviour::requirement, ObservedJudgement.Behaviour::result));
        assertThat(outcome.verdict()).as(outcome.behaviours().toString()).isEqualTo("PASS");
        assertThat(results).containsEntry("P1", Result.PASS).containsEntry("F3", Result.PASS)
                .containsEntry("P6", Result.PASS);
    }

    @Test
    void finesseRefusesATokenIdSNeverSigned() {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        var reply = world.getWithBearer(StubSystem.FINESSE, "/finesse/api/User/anne%2Bops", forged);
        assertThat(reply).startsWith("401");
    }
}
