package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens to a Cucumber run and keeps what was judged: one outcome per scenario (pass / fail / warn / info, or error
 * when the scenario could not be judged: an exception that is not a check's AssertionError, an Error such as
 * OutOfMemoryError, an undefined, ambiguous or pending step, a scenario started and never finished), one row per
 * requirement ID, and the run's {@link RunVerdict}. {@link ScenarioResults} reads each scenario; {@link SummaryWriter}
 * renders the whole (Markdown, HTML, JSON, console), everything through the redactor.
 */
public final class ConformanceSummary implements ConcurrentEventListener {
    public static final String VERDICTS_MEDIA_TYPE = "application/vnd.ssokit.verdicts+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scenario's outcome: result is pass, fail, warn, info or error. */
    public record ScenarioOutcome(String name, String location, List<String> requirements, String severity,
                                  String result, List<String> messages, Map<String, String> judged) {
        public ScenarioOutcome(String name, String location, List<String> requirements, String severity,
                               String result, List<String> messages) {
            this(name, location, requirements, severity, result, messages, null);
        }

        /**
         * This scenario's result for one requirement: a failed scenario fails only the requirements whose checks
         * failed; its other requirements count as passed (a check of theirs passed) or unjudged.
         */
        public String resultFor(String id) {
            return judged == null ? result : judged.getOrDefault(id, result);
        }
    }

    /** One requirement's row. */
    public record RequirementRow(String id, String severity, String title, String result, int scenarios,
                                 List<String> failures, String source) {
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
    private final List<String> notJudged = new ArrayList<>();
    private final Map<UUID, List<JsonNode>> verdictsByTestCase = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> stepProblems = new ConcurrentHashMap<>();
    private final Map<UUID, TestCase> unfinished = new LinkedHashMap<>();
    private final List<ScenarioOutcome> dropped = new ArrayList<>();
    private final List<ScenarioOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private Instant started = Instant.now();
    private List<RequirementRow> rows = List.of();
    private String stopCause;
    private Instant ended;
    private boolean finished;
    private boolean published;
    private boolean interrupted;

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
        publisher.registerHandlerFor(TestCaseStarted.class, this::onStarted);
        publisher.registerHandlerFor(TestStepFinished.class, this::onStepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> {
            if (event.getResult().getError() != null && stopCause == null) {
                stopCause = ScenarioResults.describe(event.getResult().getError());
            }
            finish(event.getInstant());
        });
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

    private synchronized void onStarted(TestCaseStarted event) {
        unfinished.put(event.getTestCase().getId(), event.getTestCase());
    }

    /** Names the step behind an undefined, ambiguous or pending result: its text and feature:line. */
    private void onStepFinished(TestStepFinished event) {
        Status status = event.getResult().getStatus();
        if (!(event.getTestStep() instanceof PickleStepTestStep step)
                || (status != Status.UNDEFINED && status != Status.AMBIGUOUS && status != Status.PENDING)) {
            return;
        }
        String where = ScenarioResults.location(event.getTestCase().getUri()) + ":" + step.getStep().getLine();
        String text = step.getStep().getKeyword().trim() + " " + step.getStep().getText();
        String problem = ScenarioResults.stepProblem(status, text, where, event.getResult().getError());
        stepProblems.computeIfAbsent(event.getTestCase().getId(), id -> new ArrayList<>()).add(problem);
    }

    private void onFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        synchronized (this) {
            unfinished.remove(testCase.getId());
        }
        List<JsonNode> verdicts = verdictsByTestCase.getOrDefault(testCase.getId(), List.of());
        ScenarioResults.Read read = ScenarioResults.read(event.getResult().getStatus(), event.getResult().getError(),
                verdicts, stepProblems.getOrDefault(testCase.getId(), List.of()));
        outcomes.add(outcome(testCase, read.result(), read.messages(), verdicts));
    }

    private ScenarioOutcome outcome(TestCase testCase, String result, List<String> messages, List<JsonNode> verdicts) {
        List<String> requirements = testCase.getTags().stream().filter(t -> t.startsWith("@req:"))
                .map(t -> t.substring(5)).toList();
        String severity = testCase.getTags().stream().filter(t -> t.startsWith("@severity:"))
                .map(t -> t.substring(10)).findFirst().orElse("fail");
        return new ScenarioOutcome(testCase.getName(),
                ScenarioResults.location(testCase.getUri()) + ":" + testCase.getLocation().getLine(),
                requirements, severity, result, messages.stream().map(redactor::redact).toList(),
                ScenarioResults.judged(requirements, verdicts, result));
    }

    /** A reason the run could not judge, found outside the scenarios (environment, input, a crash). */
    public synchronized ConformanceSummary notJudged(String reason) {
        notJudged.add(reason);
        if (finished) {
            rows = requirementRows();
        }
        return this;
    }

    /** The run stopped by a Throwable (OutOfMemoryError, a Cucumber failure): scenarios in flight count as ERROR. */
    public synchronized void runStopped(Throwable cause) {
        stopCause = ScenarioResults.describe(cause);
        if (finished && !dropped.isEmpty()) { // Cucumber said the run finished before the Error reached the kit
            synchronized (outcomes) {
                for (ScenarioOutcome outcome : dropped) {
                    outcomes.set(outcomes.indexOf(outcome), new ScenarioOutcome(outcome.name(), outcome.location(),
                            outcome.requirements(), outcome.severity(), outcome.result(), List.of(droppedMessage()),
                            null));
                }
            }
            dropped.clear();
            rows = requirementRows();
        }
    }

    private String droppedMessage() {
        return "the scenario started but never finished (nothing judged): "
                + (interrupted ? "the run was interrupted" : stopCause == null ? "the run stopped" : stopCause);
    }

    /**
     * A SIGTERM or Ctrl-C (from a shutdown hook, while the run may still be going): the report says INTERRUPTED,
     * verdict NOT_JUDGED, with whatever had finished so far; later events change nothing.
     */
    public synchronized void interrupted() {
        if (interrupted) {
            return;
        }
        interrupted = true;
        notJudged("interrupted: the run was stopped (SIGTERM or Ctrl-C) before it finished; " + outcomes.size()
                + " scenario(s) had finished");
        published = false;
        publish();
    }

    /**
     * Computes the verdict if Cucumber never said the run finished (it died, or never started), then writes the
     * reports and the console summary, once.
     */
    public synchronized void publish() {
        if (!finished) {
            finish(Instant.now());
        }
        if (published) {
            return;
        }
        published = true;
        if (reports != null) {
            new SummaryWriter(this, redactor).write(reports, console, Duration.between(started, ended));
        }
    }

    private synchronized void finish(Instant end) {
        if (finished) {
            return;
        }
        finished = true;
        ended = end;
        for (TestCase testCase : unfinished.values()) {
            ScenarioOutcome outcome = outcome(testCase, "error", List.of(droppedMessage()), List.of());
            dropped.add(outcome);
            outcomes.add(outcome);
        }
        unfinished.clear();
        rows = requirementRows();
    }

    private List<RequirementRow> requirementRows() {
        RequirementTable table = RequirementTable.of(outcomes(), deviations, fullRun && notJudged.isEmpty(), client);
        deviationProblems.clear();
        deviationProblems.addAll(table.deviationProblems());
        readyToPaste.clear();
        readyToPaste.addAll(table.readyToPaste());
        return table.rows();
    }

    /** The run's verdict: PASS, FAIL or NOT_JUDGED, with its reasons and exit code. */
    public synchronized RunVerdict verdict() {
        return RunVerdict.of(outcomes(), deviations, deviationProblems, notJudged);
    }

    /** PASS: every scenario judged, every failure an accepted deviation, no deviation entry stale. */
    public boolean conformant() {
        return verdict().verdict() == RunVerdict.Word.PASS;
    }

    public boolean wasInterrupted() {
        return interrupted;
    }

    public List<String> deviationProblems() {
        return List.copyOf(deviationProblems);
    }

    List<String> readyToPaste() {
        return List.copyOf(readyToPaste);
    }

    String client() {
        return client;
    }

    String target() {
        return target;
    }

    public long failedScenarios() {
        return count("fail");
    }

    public long erroredScenarios() {
        return count("error");
    }

    public long passedScenarios() {
        return outcomes().stream().filter(o -> !o.result().equals("fail") && !o.result().equals("error")).count();
    }

    public long warnedScenarios() {
        return count("warn");
    }

    private long count(String result) {
        return outcomes().stream().filter(o -> o.result().equals(result)).count();
    }

    public List<ScenarioOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public List<RequirementRow> rows() {
        return rows;
    }
}
