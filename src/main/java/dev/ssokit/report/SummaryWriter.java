package dev.ssokit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssokit.report.ConformanceSummary.RequirementRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link ConformanceSummary}: verdict.json, summary.md, summary.html and the console lines, redacted. */
final class SummaryWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> RESULTS = List.of("pass", "fail", "warn", "info", "error", "deviation",
            "unjudged", "skipped", "not covered");

    private final ConformanceSummary summary;
    private final Redactor redactor;
    private final RunVerdict verdict;
    private final List<RequirementRow> rows;

    SummaryWriter(ConformanceSummary summary, Redactor redactor) {
        this.summary = summary;
        this.redactor = redactor;
        this.verdict = summary.verdict();
        this.rows = summary.rows();
    }

    /** The heading word: the verdict, or INTERRUPTED for a run stopped from outside. */
    private String headline() {
        return summary.wasInterrupted() ? "INTERRUPTED" : verdict.verdict().name();
    }

    void write(Path reports, PrintStream console, Duration took) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String result : RESULTS) {
            counts.put(result, rows.stream().filter(r -> r.result().equals(result)).count());
        }
        try {
            Files.createDirectories(reports);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("suite", "Finesse SSO Conformance Kit");
            json.put("version", Versions.kit());
            json.put("client", summary.client());
            json.put("target", summary.target());
            json.put("verdict", verdict.verdict().name());
            json.put("exitCode", verdict.exitCode());
            json.put("reasons", verdict.reasons());
            json.put("interrupted", summary.wasInterrupted());
            Map<String, Long> scenarios = new LinkedHashMap<>();
            scenarios.put("passed", summary.passedScenarios());
            scenarios.put("failed", summary.failedScenarios());
            scenarios.put("errors", summary.erroredScenarios());
            scenarios.put("warned", summary.warnedScenarios());
            scenarios.put("skipped", summary.skippedScenarios());
            json.put("scenarios", scenarios);
            json.put("requirements", counts);
            json.put("coverage", Coverage.of(rows, summary.outcomes()));
            json.put("deviationProblems", summary.deviationProblems());
            json.put("rows", rows);
            json.put("scenarioOutcomes", summary.outcomes());
            Files.writeString(reports.resolve("verdict.json"), redactor.redact(JSON.writeValueAsString(json)));
            Files.writeString(reports.resolve("summary.md"), redactor.redact(markdown(counts, took)));
            Files.writeString(reports.resolve("summary.html"), redactor.redact(html(took)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance summary under " + reports, e);
        }
        if (console != null) {
            console(console, reports, counts, took);
        }
    }

    private String scenarioLine() {
        return summary.passedScenarios() + " passed, " + summary.failedScenarios() + " failed, "
                + summary.erroredScenarios() + " errors (not judged), " + summary.warnedScenarios() + " with warnings"
                + (summary.skippedScenarios() > 0 ? ", " + summary.skippedScenarios() + " skipped" : "");
    }

    private void console(PrintStream console, Path reports, Map<String, Long> counts, Duration took) {
        console.println();
        console.println("Finesse SSO Conformance Kit " + Versions.kit() + "  client: " + summary.client() + "  target: "
                + summary.target());
        console.printf("Scenarios: %s  (%.1f s)%n", scenarioLine(), took.toMillis() / 1000.0);
        if (!summary.outcomes().isEmpty()) {
            console.println("Requirements: " + counts.get("pass") + " pass, " + counts.get("fail") + " fail, "
                + counts.get("warn") + " warn, " + counts.get("info") + " info, " + counts.get("error") + " error, "
                + counts.get("deviation") + " deviation, "
                + (counts.getOrDefault("unjudged", 0L) > 0 ? counts.get("unjudged") + " unjudged, " : "")
                + counts.get("not covered") + " not covered (of "
                + rows.size() + ")");
        }
        Coverage coverage = Coverage.of(rows, summary.outcomes());
        if (!coverage.skippedByReason().isEmpty()) {
            console.println("Coverage: " + coverage.line()); // the reasons follow, in the SKIPPED lines below
        }
        summary.outcomes().stream().filter(o -> !o.result().equals("pass") && !o.result().equals("skipped")).limit(20)
                .forEach(o -> console.println(
                "  " + o.result().toUpperCase() + " " + o.location() + "  " + o.name() + "\n      "
                        + redactor.redact(String.join("\n      ", o.messages()).replace("\n", "\n      "))));
        SkippedScenarios.lines(summary.outcomes()).forEach(line -> console.println("  " + redactor.redact(line)));
        summary.deviationProblems().forEach(problem -> console.println("  DEVIATION LIST: " + problem));
        List<String> paste = summary.readyToPaste();
        if (!paste.isEmpty()) {
            console.println("  Known and accepted? Paste into deviations/" + summary.client() + ".json:");
            paste.forEach(line -> console.println("    " + line));
        }
        if (verdict.verdict() != RunVerdict.Word.PASS) {
            verdict.reasons().forEach(reason -> console.println("  " + verdict.verdict() + ": "
                    + redactor.redact(reason)));
        }
        console.println("Verdict: " + headline() + (summary.wasInterrupted() ? " (NOT_JUDGED)" : "")
                + "   (reports: " + reports + "/summary.md, summary.html, verdict.json)");
    }

    private String markdown(Map<String, Long> counts, Duration took) {
        StringBuilder md = new StringBuilder("# Finesse SSO conformance: " + headline() + "\n\n");
        md.append("| | |\n|---|---|\n| Verdict | ").append(verdict.verdict()).append(" (exit ")
                .append(verdict.exitCode()).append(") |\n| Why | ")
                .append(String.join("<br>", verdict.reasons()).replace("|", "\\|")).append(" |\n| Suite version | ")
                .append(Versions.kit()).append(" |\n| Client | ").append(summary.client()).append(" |\n| Target | ")
                .append(summary.target()).append(" |\n| Scenarios | ").append(scenarioLine())
                .append(" |\n| Requirements | ").append(counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""))
                .append(" |\n| Coverage | ").append(Coverage.of(rows, summary.outcomes()).line())
                .append(" |\n| Wall time | ").append(took.toMillis()).append(" ms |\n\n");
        Coverage coverage = Coverage.of(rows, summary.outcomes());
        if (!coverage.skippedByReason().isEmpty()) {
            md.append("## Skipped, and why\n\n| Scenarios | Reason |\n|---|---|\n");
            coverage.skippedByReason().forEach((reason, count) -> md.append("| ").append(count).append(" | ")
                    .append(reason.replace("|", "\\|")).append(" |\n"));
            md.append("\n");
        }
        md.append("| Requirement | Severity | Result | Scenarios | Behaviour | Source |\n|---|---|---|---|---|---|\n");
        for (RequirementRow row : rows) {
            md.append("| ").append(row.id()).append(" | ").append(row.severity()).append(" | **").append(row.result())
                    .append("** | ").append(row.scenarios()).append(" | ").append(row.title().replace("|", "\\|"))
                    .append(" | ").append(row.source().replace("|", "\\|")).append(" |\n");
        }
        List<String> untagged = summary.outcomes().stream().filter(o -> o.requirements().isEmpty()
                && !o.result().equals("pass") && !o.result().equals("skipped")).map(o -> o.result().toUpperCase() + " " + o.location() + " " + o.name()
                + ": " + String.join(" | ", o.messages())).toList();
        List<RequirementRow> failing = rows.stream().filter(r -> !r.failures().isEmpty()).toList();
        if (!failing.isEmpty() || !untagged.isEmpty()) {
            md.append("\n## What went wrong\n");
            for (RequirementRow row : failing) {
                md.append("\n### ").append(row.id()).append("\n");
                row.failures().forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            }
            if (!untagged.isEmpty()) {
                md.append("\n### Scenarios without a requirement tag\n");
                untagged.forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            }
        }
        return md.toString();
    }

    private String html(Duration took) {
        String word = headline();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Finesse SSO "
                + "conformance: " + word + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;"
                + "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.pass{color:#070}.fail,.error,"
                + ".not_judged,.interrupted{color:#b00;font-weight:bold}.warn{color:#a60}.nc{color:#888}</style></head>"
                + "<body>");
        html.append("<h1>Finesse SSO conformance: <span class=\"").append(word.toLowerCase()).append("\">")
                .append(word).append("</span></h1><ul>");
        verdict.reasons().forEach(reason -> html.append("<li>").append(esc(reason)).append("</li>"));
        html.append("</ul><p>Suite ").append(esc(Versions.kit())).append(" &middot; client <b>")
                .append(esc(summary.client())).append("</b> &middot; target ").append(esc(summary.target()))
                .append(" &middot; scenarios: ").append(esc(scenarioLine())).append(" &middot; ").append(took.toMillis())
                .append(" ms</p><table><tr><th>Requirement</th><th>Severity</th><th>Result</th><th>Scenarios</th>"
                        + "<th>Behaviour</th><th>Source</th><th>Details</th></tr>");
        for (RequirementRow row : rows) {
            String css = switch (row.result()) {
                case "pass" -> "pass";
                case "fail" -> "fail";
                case "error" -> "error";
                case "warn", "info" -> "warn";
                default -> "nc";
            };
            html.append("<tr><td>").append(esc(row.id())).append("</td><td>").append(esc(row.severity()))
                    .append("</td><td class=\"").append(css).append("\">").append(esc(row.result())).append("</td><td>")
                    .append(row.scenarios()).append("</td><td>").append(esc(row.title())).append("</td><td>")
                    .append(esc(row.source())).append("</td><td><pre>")
                    .append(esc(String.join("\n", row.failures()))).append("</pre></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
