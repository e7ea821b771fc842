package dev.ssokit.conformance.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.CheckResult;
import dev.ssokit.conformance.checks.Severity;
import dev.ssokit.report.Transcript;
import io.cucumber.java.After;
import io.cucumber.java.AfterStep;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.List;

/** Per scenario: take the severity it declares; at its end attach the verdicts and the redacted transcript. */
public final class Hooks {
    /** Media type of the verdict attachment that the conformance summary reads. */
    private static final String VERDICTS_MEDIA_TYPE = dev.ssokit.report.ConformanceSummary.VERDICTS_MEDIA_TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioContext scenario;

    public Hooks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Before
    public void takeSeverity(Scenario cucumberScenario) {
        cucumberScenario.getSourceTagNames().stream().filter(tag -> tag.startsWith("@severity:")).findFirst()
                .map(tag -> Severity.parse(tag.substring("@severity:".length())))
                .ifPresent(severity -> scenario.verdicts().scenarioSeverity(severity));
        cucumberScenario.getSourceTagNames().stream().filter(tag -> tag.startsWith("@req:")).findFirst()
                .ifPresent(tag -> scenario.requirement(tag.substring("@req:".length())));
    }

    /** A scenario tagged @needs:X is skipped, with the manifest's reason, for a client that declares it lacks X. */
    @Before
    public void skipWhatTheClientLacks(Scenario cucumberScenario) {
        for (String tag : cucumberScenario.getSourceTagNames()) {
            java.util.Optional<dev.ssokit.conformance.runtarget.TargetNeed> need =
                    dev.ssokit.conformance.runtarget.TargetNeed.ofTag(tag);
            if (need.isPresent()) {
                java.util.Optional<String> why = scenario.target().flatMap(target -> target.lacking(need.get()));
                if (why.isPresent()) {
                    throw new org.opentest4j.TestAbortedException("skipped: " + why.get());
                }
            } else if (tag.startsWith("@needs:")) {
                java.util.Optional<String> why = scenario.lacking(
                        dev.ssokit.client.Capability.fromId(tag.substring("@needs:".length())));
                if (why.isPresent()) {
                    throw new org.opentest4j.TestAbortedException("skipped: " + why.get());
                }
            }
        }
    }

    @AfterStep
    public void attachCookieJar(Scenario cucumberScenario) {
        if (scenario.hasClient()) {
            cucumberScenario.attach(String.join("\n", scenario.client().cookieJar()), "text/plain",
                    "cookie jar after the step (names and attributes)");
        }
    }

    /** The journal to show; a lab whose proxy failed has its reason in the scenario's error already. */
    private List<dev.ssokit.world.Exchange> journalOrNothing() {
        try {
            return scenario.journal();
        } catch (IllegalStateException e) {
            return List.of();
        }
    }

    @After
    public void attachEvidence(Scenario cucumberScenario) throws Exception {
        List<CheckResult> results = scenario.verdicts().results();
        cucumberScenario.attach(JSON.writeValueAsString(results), VERDICTS_MEDIA_TYPE, "verdicts");
        cucumberScenario.attach(Transcript.of(journalOrNothing(), scenario.redactor()), "text/plain",
                "hop transcript (redacted)");
        if (!scenario.restExchanges().isEmpty()) {
            cucumberScenario.attach(scenario.redactor().redact(String.join("\n", scenario.restExchanges())),
                    "text/plain", "REST exchanges (redacted)");
        }
        if (scenario.hasClient() && !scenario.client().processLog().isEmpty()) {
            cucumberScenario.attach(scenario.redactor().redact(String.join("\n", scenario.client().processLog())),
                    "text/plain", "client process output (redacted)");
        }
        List<CheckResult> warnings = scenario.verdicts().failedWarnings();
        for (CheckResult warning : warnings) {
            cucumberScenario.log("WARNING " + warning.message());
        }
        if (scenario.config().strict() && !warnings.isEmpty() && !cucumberScenario.isFailed()) {
            throw new AssertionError("strict mode: " + warnings.size() + " WARN check(s) failed:\n"
                    + String.join("\n", warnings.stream().map(CheckResult::message).toList()));
        }
    }
}
