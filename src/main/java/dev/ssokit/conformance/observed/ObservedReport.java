package dev.ssokit.conformance.observed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.report.Versions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an observed-mode judgement: verdict.json for CI, summary.md for people; the console lines. */
public final class ObservedReport {
    public static final String FORMAT = "finesse-sso-kit/observed-verdict@1";

    private ObservedReport() {
    }

    public static String json(ObservedJudgement.Outcome outcome, String session, String source) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("verdict", outcome.verdict());
        root.put("mode", "observed");
        root.put("kitVersion", Versions.kit());
        root.put("session", session);
        root.put("source", source);
        root.put("exchanges", outcome.exchanges());
        root.put("droppedExchanges", outcome.dropped());
        ObjectNode counts = root.putObject("counts");
        for (ObservedJudgement.Result result : ObservedJudgement.Result.values()) {
            counts.put(result.name().toLowerCase(java.util.Locale.ROOT), outcome.count(result));
        }
        ArrayNode rows = root.putArray("behaviours");
        for (ObservedJudgement.Behaviour b : outcome.behaviours()) {
            ObjectNode row = rows.addObject();
            row.put("requirement", b.requirement());
            row.put("title", b.title());
            row.put("behaviour", b.behaviour());
            row.put("severity", b.severity().name());
            row.put("result", b.result().name());
            if (b.reason() != null) {
                row.put("reason", b.reason());
            }
            ArrayNode checks = row.putArray("checks");
            for (ObservedJudgement.CheckOutcome c : b.checks()) {
                ObjectNode check = checks.addObject();
                check.put("check", c.check());
                check.put("rule", c.rule());
                check.put("passed", c.passed());
                if (!c.passed()) {
                    check.put("expected", c.expected());
                }
                check.put("observed", c.observed());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the observed verdict", e);
        }
    }

    public static String console(ObservedJudgement.Outcome outcome, String session) {
        StringBuilder text = new StringBuilder();
        text.append("Observed session '").append(session).append("': ").append(outcome.exchanges()).append(" exchanges")
                .append(outcome.dropped() > 0 ? " (" + outcome.dropped() + " more not kept: journal full, judged incomplete)" : "")
                .append('\n');
        for (ObservedJudgement.Behaviour b : outcome.behaviours()) {
            text.append(String.format("  %-10s %-4s %s", b.result().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT),
                    b.requirement(), b.behaviour()));
            if (b.result() == ObservedJudgement.Result.NOT_JUDGED) {
                text.append("  (").append(b.reason()).append(')');
            }
            text.append('\n');
            for (ObservedJudgement.CheckOutcome c : b.checks()) {
                if (!c.passed()) {
                    text.append("      ").append(c.rule()).append("\n        expected: ").append(c.expected())
                            .append("\n        observed: ").append(c.observed()).append('\n');
                }
            }
        }
        text.append(String.format("Behaviours: %d pass, %d fail, %d warn, %d not judged (of %d)%n",
                outcome.count(ObservedJudgement.Result.PASS), outcome.count(ObservedJudgement.Result.FAIL),
                outcome.count(ObservedJudgement.Result.WARN), outcome.count(ObservedJudgement.Result.NOT_JUDGED),
                outcome.behaviours().size()));
        text.append("Verdict: ").append(outcome.verdict());
        return text.toString();
    }

    public static void write(Path folder, ObservedJudgement.Outcome outcome, String session, String source,
                             String redactedJournal) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("verdict.json"), json(outcome, session, source) + "\n");
        Files.writeString(folder.resolve("summary.md"), "# Observed session " + session + "\n\n```\n"
                + console(outcome, session) + "\n```\n");
        Files.writeString(folder.resolve("journal.json"), redactedJournal + "\n");
    }
}
