package dev.ssokit.cli;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.world.keycloak.KeycloakDistribution;
import java.nio.file.Path;
import java.util.List;

/**
 * `kit run --idp keycloak`: the flow features 01-07 with Keycloak as the SAML IdP. Java 21+ is checked first (exit 2
 * at once without it); Keycloak and the stub world start once, before the first scenario; scenarios that turn the
 * stub IdP's knobs (tag @stub-idp) do not apply to a real IdP and are left out.
 */
final class KeycloakRun {
    static final String NOT_STUB_IDP = "not @stub-idp";

    private KeycloakRun() {
    }

    static int run(KitConfig given, List<Path> features, String tags) {
        KitConfig config = new KitConfig(given.root(), given.clientDefects(), given.strict(),
                java.time.Duration.ofSeconds(30), given.redaction(), given.coResident(), given.clientVariants(), given.idp());
        try {
            KeycloakDistribution.findJava(config.keycloakJavaHome());
        } catch (KeycloakDistribution.Unavailable e) {
            System.err.println("kit run --idp keycloak: " + e.getMessage());
            return 2;
        }
        List<Path> selected = features != null ? features : MainJob.FLOW_FEATURES.stream()
                .filter(name -> name.matches("0[1-7]_.*")).map(config.features()::resolve).toList();
        String expression = tags == null || tags.isBlank() ? NOT_STUB_IDP : "(" + tags + ") and " + NOT_STUB_IDP;
        System.out.println("Running the flow features through Keycloak (client: " + config.clientId() + ")...");
        try (RunContext context = RunContext.owningWorld(config)) {
            try {
                context.world();
            } catch (IllegalStateException e) {
                System.err.println("kit run --idp keycloak: the run could not start: " + e.getMessage());
                return 2;
            }
            ConformanceSummary summary;
            try {
                summary = MainJob.run(context, selected, expression, System.out);
            } catch (dev.ssokit.report.RunLock.Busy e) {
                System.err.println("kit run --idp keycloak: " + e.getMessage());
                return 2;
            }
            return summary.verdict().exitCode();
        }
    }
}
