package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.plugin.event.Status;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one finished scenario reads: its result (pass / fail / warn / info / skipped / error) and messages from
 * Cucumber's status, the error and the check verdicts it attached, and its result per requirement ID. Pure
 * functions; {@link ConformanceSummary} feeds them the run's events.
 */
final class ScenarioResults {
    /** A scenario's result and the messages that say why. */
    record Read(String result, List<String> messages) {
    }

    private ScenarioResults() {
    }

    static Read read(Status status, Throwable error, List<JsonNode> verdicts, List<String> stepProblems) {
        List<String> messages = new ArrayList<>();
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
        } else if (status == Status.FAILED && error instanceof AssertionError) {
            result = "fail";
            messages.add(String.valueOf(error.getMessage()));
        } else if (status == Status.SKIPPED && error != null && String.valueOf(error.getMessage())
                .startsWith("skipped: ")) { // a capability the client's manifest declares it lacks (@needs:...)
            result = "skipped";
            messages.add(error.getMessage());
        } else {
            result = "error";
            messages.addAll(stepProblems);
            if (messages.isEmpty()) {
                messages.add(status == Status.FAILED ? "the scenario errored (nothing judged): " + describe(error)
                        : "the scenario was " + status.name().toLowerCase() + " (nothing judged)"
                        + (error == null ? "" : ": " + describe(error)));
            }
        }
        return new Read(result, messages);
    }

    /** Names the step behind an undefined, ambiguous or pending result: its text and feature:line. */
    static String stepProblem(Status status, String text, String where, Throwable error) {
        return switch (status) {
            case UNDEFINED -> "undefined step \"" + text + "\" at " + where
                    + ": no step definition matches it; fix the wording or add the step";
            case AMBIGUOUS -> "ambiguous step \"" + text + "\" at " + where + ": " + firstLine(error);
            default -> "pending step \"" + text + "\" at " + where + ": " + firstLine(error);
        };
    }

    /** Per requirement: the worst failed check of that ID, else pass (a check passed, or the scenario did). */
    static Map<String, String> judged(List<String> tags, List<JsonNode> verdicts, String scenarioResult) {
        Map<String, String> judged = new LinkedHashMap<>();
        if (scenarioResult.equals("error")) {
            tags.forEach(tag -> judged.put(tag, "error"));
            return judged;
        }
        List<String> order = List.of("fail", "warn", "info");
        Map<String, String> failedChecks = new LinkedHashMap<>();
        Set<String> passedChecks = new HashSet<>();
        for (JsonNode verdict : verdicts) {
            String id = verdict.path("requirement").asText();
            if (verdict.path("passed").asBoolean()) {
                passedChecks.add(id);
            } else {
                String severity = verdict.path("severity").asText("FAIL").toLowerCase(Locale.ROOT);
                failedChecks.merge(id, severity, (a, b) -> order.indexOf(a) <= order.indexOf(b) ? a : b);
            }
        }
        boolean attributed = failedChecks.containsValue("fail");
        for (String tag : tags) {
            if (failedChecks.containsKey(tag)) {
                judged.put(tag, failedChecks.get(tag));
            } else if (!scenarioResult.equals("fail")) {
                judged.put(tag, scenarioResult.equals("skipped") ? "skipped" : "pass");
            } else if (!attributed) {
                judged.put(tag, "fail");
            } else {
                judged.put(tag, passedChecks.contains(tag) ? "pass" : "unjudged");
            }
        }
        failedChecks.forEach(judged::putIfAbsent);
        return judged;
    }

    /** features/... relative to the kit root where it is under one, else the file's path: usable as a filter. */
    static String location(URI uri) {
        String path = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
        return path.replaceFirst("^.*?/(features/)", "$1");
    }

    /** The exception's class and message, and its root cause's: never a bare class name. */
    static String describe(Throwable error) {
        if (error == null) {
            return "no cause reported";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + firstLine(error);
        return root == error ? text : text + " (cause: " + root.getClass().getSimpleName() + ": " + firstLine(root) + ")";
    }

    private static String firstLine(Throwable error) {
        return error == null || error.getMessage() == null ? "(no message)"
                : error.getMessage().lines().findFirst().orElse("(no message)");
    }

    private static String verdictLine(JsonNode verdict) {
        return "[" + verdict.path("requirement").asText() + " " + verdict.path("severity").asText() + "] "
                + verdict.path("rule").asText() + " - expected " + verdict.path("expected").asText()
                + "; observed " + verdict.path("observed").asText();
    }
}
