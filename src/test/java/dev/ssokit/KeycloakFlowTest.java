package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.conformance.ConformanceRun;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.world.keycloak.KeycloakDistribution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The flow features 01-07 with a real Keycloak as the SAML IdP: IdS sends it a real AuthnRequest and verifies its
 * signed Response. Keycloak starts once for the whole test (20-25 s on an idle 2-core machine, minutes when it is
 * busy). Without a JDK 21+ the test is skipped, saying why.
 */
class KeycloakFlowTest {
    @Test
    void theReferenceClientPassesTheFlowThroughKeycloak() {
        KitConfig system = KitConfig.fromSystem().withIdp("keycloak");
        try {
            KeycloakDistribution.findJava(system.keycloakJavaHome());
        } catch (KeycloakDistribution.Unavailable e) {
            Assumptions.abort(e.getMessage());
        }
        KitConfig config = new KitConfig(system.root(), system.clientDefects(), false, Duration.ofSeconds(30), true,
                false, java.util.Set.of(), "keycloak");
        ConformanceSummary summary = ConformanceSummary.collecting("reference", config.redactor());
        try (RunContext context = RunContext.owningWorld(config)) {
            context.world();
            ConformanceRun.execute(context, MainJob.FLOW_FEATURES.stream().filter(f -> f.matches("0[1-7]_.*"))
                    .map(config.features()::resolve).toList(), "not @stub-idp", List.of(), summary);
        }
        assertThat(summary.outcomes()).as("scenarios run through Keycloak").hasSizeGreaterThan(30);
        assertThat(summary.outcomes().stream().filter(o -> o.result().equals("fail") || o.result().equals("error"))
                .map(o -> o.location() + " " + o.name() + ": " + o.messages()).toList())
                .as("failed scenarios with Keycloak as the IdP").isEmpty();
    }
}
