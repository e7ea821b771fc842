package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens to a Cucumber run and writes the conformance verdict: one row per requirement ID (pass / fail / warn /
 * not covered) with its severity, plus the client, target and suite version; as Markdown, HTML and JSON under the
 * reports folder, and a short summary on the console. Everything it writes passes the redactor.
 */
public final class ConformanceSummary implements ConcurrentEventListener {
    public static final String VERDICTS_MEDIA_TYPE = "application/vnd.ssokit.verdicts+json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One scenario's outcome. */
    public record ScenarioOutcome(String name, String location, List<String> requirements, String severity,
                                  String result, List<String> messages) {
    }

    /** One requirement's row. */
    public record RequirementRow(String id, String severity, String title, String result, int scenarios,
                                 List<String> failures) {
    }

    private final Path reports;
    private final String client;
    private final String target;
    private final PrintStream console;
    private final Redactor redactor;
    private Deviations deviations = Deviations.none();
    private boolean fullRun = true;
    private final List<String> deviationProblems = new ArrayList<>();
    private final List<String> readyToPaste = new ArrayList<>();
    private final Map<UUID, List<JsonNode>> verdictsByTestCase = new ConcurrentHashMap<>();
    private final List<ScenarioOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private Instant started = Instant.now();
    private List<RequirementRow> rows = List.of();

    /** A listener that only collects outcomes (no files, no console): for the meta-run. */
    public static ConformanceSummary collecting(String client, Redactor redactor) {
        return new ConformanceSummary(null, client, "embedded stub world", null, redactor);
    }

    public ConformanceSummary(Path reports, String client, String target, PrintStream console, Redactor redactor) {
        this.reports = reports;
        this.client = client;
        this.target = target;
        this.console = console;
        this.redactor = redactor;
    }

    /** The client's known deviations; fullRun: no tag filter, so every entry must match a scenario. */
    public ConformanceSummary withDeviations(Deviations known, boolean everyScenario) {
        this.deviations = known;
        this.fullRun = everyScenario;
        return this;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
        publisher.registerHandlerFor(EmbedEvent.class, this::onEmbed);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> finish(event.getInstant()));
    }

    private void onEmbed(EmbedEvent event) {
        if (!VERDICTS_MEDIA_TYPE.equals(event.getMediaType())) {
            return;
        }
        try {
            List<JsonNode> list = verdictsByTestCase.computeIfAbsent(event.getTestCase().getId(), id -> new ArrayList<>());
            JSON.readTree(event.getData()).forEach(list::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<String> requirements = testCase.getTags().stream().filter(t -> t.startsWith("@req:"))
                .map(t -> t.substring(5)).toList();
        String severity = testCase.getTags().stream().filter(t -> t.startsWith("@severity:"))
                .map(t -> t.substring(10)).findFirst().orElse("fail");
        List<JsonNode> verdicts = verdictsByTestCase.getOrDefault(testCase.getId(), List.of());
        List<String> messages = new ArrayList<>();
        Status status = event.getResult().getStatus();
        String result;
        if (status == Status.PASSED) {
            boolean warned = false;
            boolean noted = false;
            for (JsonNode verdict : verdicts) {
                if (!verdict.path("passed").asBoolean()) {
                    messages.add(verdictLine(verdict));
                    warned |= "WARN".equals(verdict.path("severity").asText());
                    noted |= "INFO".equals(verdict.path("severity").asText());
                }
            }
            result = warned ? "warn" : noted ? "info" : "pass";
        } else if (status == Status.FAILED) {
            result = "fail";
            Throwable error = event.getResult().getError();
            messages.add(error == null ? "failed" : String.valueOf(error.getMessage()));
        } else {
            result = "skipped";
            Throwable why = event.getResult().getError();
            messages.add(why != null && why.getMessage() != null ? why.getMessage()
                    : "scenario " + status.name().toLowerCase());
        }
        outcomes.add(new ScenarioOutcome(testCase.getName(), testCase.getUri().toString().replaceFirst("^.*?(features/)", "$1")
                + ":" + testCase.getLocation().getLine(), requirements, severity, result,
                messages.stream().map(redactor::redact).toList()));
    }

    private static String verdictLine(JsonNode verdict) {
        return "[" + verdict.path("requirement").asText() + " " + verdict.path("severity").asText() + "] "
                + verdict.path("rule").asText() + " - expected " + verdict.path("expected").asText()
                + "; observed " + verdict.path("observed").asText();
    }

    private void finish(Instant finished) {
        Requirements requirements = Requirements.load();
        Map<String, List<ScenarioOutcome>> byRequirement = new TreeMap<>(ConformanceSummary::compareIds);
        synchronized (outcomes) {
            for (ScenarioOutcome outcome : outcomes) {
                for (String id : outcome.requirements()) {
                    byRequirement.computeIfAbsent(id, key -> new ArrayList<>()).add(outcome);
                }
            }
        }
        List<RequirementRow> table = new ArrayList<>();
        for (Map.Entry<String, Requirements.Requirement> known : requirements.all().entrySet()) {
            byRequirement.putIfAbsent(known.getKey(), List.of());
        }
        for (Map.Entry<String, List<ScenarioOutcome>> entry : byRequirement.entrySet()) {
            Requirements.Requirement requirement = requirements.find(entry.getKey()).orElse(
                    new Requirements.Requirement(entry.getKey(), "fail", "(not in the catalogue)", ""));
            String result = entry.getValue().isEmpty() ? "not covered" : worst(entry.getValue());
            java.util.Optional<Deviations.Entry> known = deviations.find(entry.getKey());
            if (known.isPresent()) {
                if (result.equals(known.get().expected())) {
                    result = "deviation";
                } else if (result.equals("pass")) {
                    deviationProblems.add(entry.getKey() + " passed but " + deviations.source() + " expects it to "
                            + known.get().expected() + ": remove the entry");
                } else if (result.equals("not covered") && fullRun) {
                    deviationProblems.add(entry.getKey() + " in " + deviations.source()
                            + " matched no scenario: remove or correct the entry");
                }
            } else if (result.equals("fail") || result.equals("warn")) {
                readyToPaste.add(Deviations.readyToPaste(client, entry.getKey(), result));
            }
            List<String> failures = entry.getValue().stream().filter(o -> !o.result().equals("pass"))
                    .map(o -> o.location() + " " + o.name() + ": " + String.join(" | ", o.messages())).toList();
            table.add(new RequirementRow(entry.getKey(), requirement.severity(), requirement.title(), result,
                    entry.getValue().size(), failures));
        }
        rows = table;
        if (reports != null) {
            write(Duration.between(started, finished));
        }
    }

    private static String worst(List<ScenarioOutcome> outcomes) {
        List<String> order = List.of("fail", "warn", "info", "skipped", "pass");
        return outcomes.stream().map(ScenarioOutcome::result).min((a, b) -> order.indexOf(a) - order.indexOf(b))
                .orElse("pass");
    }

    static int compareIds(String a, String b) {
        String order = "PFRCJK";
        int byFamily = Integer.compare(order.indexOf(a.charAt(0)), order.indexOf(b.charAt(0)));
        if (byFamily != 0) {
            return byFamily;
        }
        try {
            return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /**
     * The run's verdict: every failed scenario is an accepted deviation (all its requirements are), and no deviation
     * entry is stale. A failed scenario without requirement tags always counts.
     */
    public boolean conformant() {
        boolean everyFailureAccepted = outcomes().stream().filter(o -> o.result().equals("fail"))
                .allMatch(o -> !o.requirements().isEmpty() && o.requirements().stream()
                        .allMatch(id -> deviations.find(id).map(e -> e.expected().equals("fail")).orElse(false)));
        return everyFailureAccepted && deviationProblems.isEmpty();
    }

    public List<String> deviationProblems() {
        return List.copyOf(deviationProblems);
    }

    public long failedScenarios() {
        return outcomes.stream().filter(o -> o.result().equals("fail")).count();
    }

    public long passedScenarios() {
        return outcomes.stream().filter(o -> !o.result().equals("fail") && !o.result().equals("skipped")).count();
    }

    public long warnedScenarios() {
        return outcomes.stream().filter(o -> o.result().equals("warn")).count();
    }

    public List<ScenarioOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public List<RequirementRow> rows() {
        return rows;
    }

    private void write(Duration took) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String result : List.of("pass", "fail", "warn", "info", "deviation", "skipped", "not covered")) {
            counts.put(result, rows.stream().filter(r -> r.result().equals(result)).count());
        }
        String verdict = conformant() ? "PASS" : "FAIL";
        try {
            Files.createDirectories(reports);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("suite", "Finesse SSO Conformance Kit");
            json.put("version", Versions.kit());
            json.put("client", client);
            json.put("target", target);
            json.put("verdict", verdict);
            json.put("scenarios", Map.of("passed", passedScenarios(), "failed", failedScenarios(),
                    "warned", warnedScenarios()));
            json.put("requirements", counts);
            json.put("deviationProblems", deviationProblems);
            json.put("rows", rows);
            json.put("scenarioOutcomes", outcomes());
            Files.writeString(reports.resolve("verdict.json"), redactor.redact(JSON.writeValueAsString(json)));
            Files.writeString(reports.resolve("summary.md"), redactor.redact(markdown(verdict, counts, took)));
            Files.writeString(reports.resolve("summary.html"), redactor.redact(html(verdict, counts, took)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance summary under " + reports, e);
        }
        if (console == null) {
            return;
        }
        console.println();
        console.println("Finesse SSO Conformance Kit " + Versions.kit() + "  client: " + client + "  target: " + target);
        console.printf("Scenarios: %d passed, %d failed, %d with warnings  (%.1f s)%n", passedScenarios(),
                failedScenarios(), warnedScenarios(), took.toMillis() / 1000.0);
        console.println("Requirements: " + counts.get("pass") + " pass, " + counts.get("fail") + " fail, "
                + counts.get("warn") + " warn, " + counts.get("info") + " info, " + counts.get("deviation")
                + " deviation, " + counts.get("skipped")
                + " skipped, " + counts.get("not covered")
                + " not covered (of " + rows.size() + ")");
        outcomes().stream().filter(o -> !o.result().equals("pass")).limit(20).forEach(o -> console.println(
                "  " + o.result().toUpperCase() + " " + o.location() + "  " + o.name() + "\n      "
                        + redactor.redact(String.join("\n      ", o.messages()).replace("\n", "\n      "))));
        deviationProblems.forEach(problem -> console.println("  DEVIATION LIST: " + problem));
        if (!readyToPaste.isEmpty()) {
            console.println("  Known and accepted? Paste into deviations/" + client + ".json:");
            readyToPaste.forEach(line -> console.println("    " + line));
        }
        console.println("Verdict: " + verdict + "   (reports: " + reports + "/summary.md, summary.html, verdict.json)");
    }

    private String markdown(String verdict, Map<String, Long> counts, Duration took) {
        StringBuilder md = new StringBuilder("# Finesse SSO conformance: " + verdict + "\n\n");
        md.append("| | |\n|---|---|\n| Suite version | ").append(Versions.kit()).append(" |\n| Client | ")
                .append(client).append(" |\n| Target | ").append(target).append(" |\n| Scenarios | ")
                .append(passedScenarios()).append(" passed, ").append(failedScenarios()).append(" failed, ")
                .append(warnedScenarios()).append(" with warnings |\n| Requirements | ").append(counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""))
                .append(" |\n| Wall time | ").append(took.toMillis()).append(" ms |\n\n");
        md.append("| Requirement | Severity | Result | Scenarios | Behaviour |\n|---|---|---|---|---|\n");
        for (RequirementRow row : rows) {
            md.append("| ").append(row.id()).append(" | ").append(row.severity()).append(" | **").append(row.result())
                    .append("** | ").append(row.scenarios()).append(" | ").append(row.title().replace("|", "\\|"))
                    .append(" |\n");
        }
        List<RequirementRow> failing = rows.stream().filter(r -> !r.failures().isEmpty()).toList();
        if (!failing.isEmpty()) {
            md.append("\n## What went wrong\n");
            for (RequirementRow row : failing) {
                md.append("\n### ").append(row.id()).append("\n");
                row.failures().forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            }
        }
        return md.toString();
    }

    private String html(String verdict, Map<String, Long> counts, Duration took) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Finesse SSO "
                + "conformance: " + verdict + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;"
                + "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.pass{color:#070}.fail{color:#b00;"
                + "font-weight:bold}.warn{color:#a60}.nc{color:#888}</style></head><body>");
        html.append("<h1>Finesse SSO conformance: <span class=\"").append(verdict.toLowerCase()).append("\">")
                .append(verdict).append("</span></h1><p>Suite ").append(esc(Versions.kit())).append(" &middot; client <b>")
                .append(esc(client)).append("</b> &middot; target ").append(esc(target)).append(" &middot; ")
                .append(passedScenarios()).append(" scenarios passed, ").append(failedScenarios()).append(" failed, ")
                .append(warnedScenarios()).append(" with warnings &middot; ").append(took.toMillis())
                .append(" ms</p><table><tr><th>Requirement</th><th>Severity</th><th>Result</th><th>Scenarios</th>"
                        + "<th>Behaviour</th><th>Details</th></tr>");
        for (RequirementRow row : rows) {
            String css = switch (row.result()) {
                case "pass" -> "pass";
                case "fail" -> "fail";
                case "warn", "info" -> "warn";
                default -> "nc";
            };
            html.append("<tr><td>").append(esc(row.id())).append("</td><td>").append(esc(row.severity()))
                    .append("</td><td class=\"").append(css).append("\">").append(esc(row.result())).append("</td><td>")
                    .append(row.scenarios()).append("</td><td>").append(esc(row.title())).append("</td><td><pre>")
                    .append(esc(String.join("\n", row.failures()))).append("</pre></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
