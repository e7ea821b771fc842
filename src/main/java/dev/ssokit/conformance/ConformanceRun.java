package dev.ssokit.conformance;

import io.cucumber.core.gherkin.FeatureParserException;
import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.Plugin;
import io.cucumber.tagexpressions.TagExpressionException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the features through Cucumber's runtime in this JVM, with the given run context (client under test,
 * stub world) handed to the glue by {@link KitObjectFactory}: the CLI and the meta-run both start here.
 */
public final class ConformanceRun {
    public static final String GLUE = "dev.ssokit.conformance.steps";
    private static final java.util.regex.Pattern GHERKIN_POSITION =
            java.util.regex.Pattern.compile("^\\((\\d+):(\\d+)\\): (.*)$");

    private ConformanceRun() {
    }

    /**
     * @param features       feature files or folders
     * @param tagExpression  Cucumber tag expression, or null for all scenarios
     * @param pluginSpecs    Cucumber plugin specs such as "json:reports/cucumber.json"
     * @param plugins        plugin instances (the conformance summary, the meta-run's listener)
     * @return Cucumber's exit status: 0 when no scenario failed
     */
    public static byte execute(RunContext context, List<Path> features, String tagExpression, List<String> pluginSpecs,
                               Plugin... plugins) {
        return execute(context, features, tagExpression, pluginSpecs, List.of(), plugins);
    }

    /**
     * As above, with extra glue packages besides the kit's steps (the runner's own tests add a step that throws an
     * Error, to prove such a scenario is reported as ERROR).
     *
     * @throws InputProblem for a tag expression or a feature file Cucumber cannot parse: one line, file:line:column
     */
    public static byte execute(RunContext context, List<Path> features, String tagExpression, List<String> pluginSpecs,
                               List<String> extraGlue, Plugin... plugins) {
        List<String> args = new ArrayList<>(List.of("--glue", GLUE, "--monochrome", "--no-summary"));
        extraGlue.forEach(glue -> args.addAll(List.of("--glue", glue)));
        for (String spec : pluginSpecs) {
            args.add("--plugin");
            args.add(spec);
        }
        if (tagExpression != null && !tagExpression.isBlank()) {
            args.add("--tags");
            args.add(tagExpression);
        }
        features.forEach(path -> args.add(path.toString()));
        ByteArrayOutputStream parserOutput = new ByteArrayOutputStream();
        CommandlineOptionsParser parser = new CommandlineOptionsParser(parserOutput);
        RuntimeOptions options;
        try {
            options = parser.parse(args.toArray(String[]::new)).build();
        } catch (TagExpressionException e) {
            throw new InputProblem("--tags: " + e.getMessage());
        }
        if (parser.exitStatus().isPresent()) {
            throw new IllegalArgumentException("Cucumber refused the run options: " + parserOutput);
        }
        KitObjectFactory factory = new KitObjectFactory(context);
        Runtime runtime = Runtime.builder()
                .withRuntimeOptions(options)
                .withClassLoader(() -> ConformanceRun.class.getClassLoader())
                .withObjectFactorySupplier(() -> factory)
                .withAdditionalPlugins(plugins)
                .build();
        // Cucumber logs (and otherwise drops) a scenario that died of an Error such as OutOfMemoryError, and goes on
        java.util.logging.Logger cucumberLog = java.util.logging.Logger.getLogger(Runtime.class.getName());
        List<Throwable> dropped = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler catcher = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getThrown() != null) {
                    Throwable cause = record.getThrown();
                    dropped.add(cause instanceof java.util.concurrent.ExecutionException && cause.getCause() != null
                            ? cause.getCause() : cause);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = cucumberLog.getUseParentHandlers();
        cucumberLog.addHandler(catcher);
        cucumberLog.setUseParentHandlers(false);
        try {
            runtime.run();
        } catch (FeatureParserException e) {
            throw new InputProblem(gherkinError(e.getMessage()));
        } finally {
            cucumberLog.removeHandler(catcher);
            cucumberLog.setUseParentHandlers(parents);
        }
        if (!dropped.isEmpty()) {
            throw new DroppedScenarios(dropped.get(0));
        }
        return runtime.exitStatus();
    }

    /** The run went on, but Cucumber dropped a scenario that died of this Error (no TestCaseFinished for it). */
    public static final class DroppedScenarios extends RuntimeException {
        public DroppedScenarios(Throwable cause) {
            super("Cucumber dropped a scenario: " + cause, cause);
        }
    }

    /** "Failed to parse resource at: file:///x.feature\n(5:7): msg" as "Gherkin syntax error: /x.feature:5:7: msg". */
    static String gherkinError(String message) {
        String[] lines = String.valueOf(message).split("\n");
        String file = lines[0].replaceFirst("^.*?at: ", "");
        try {
            java.net.URI uri = java.net.URI.create(file);
            file = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : file;
        } catch (IllegalArgumentException ignored) {
            // keep the text as Cucumber gave it
        }
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            java.util.regex.Matcher at = GHERKIN_POSITION.matcher(lines[i].trim());
            errors.add(at.matches() ? file + ":" + at.group(1) + ":" + at.group(2) + ": " + at.group(3) : lines[i].trim());
        }
        return "Gherkin syntax error: " + (errors.isEmpty() ? file : String.join("; ", errors))
                + " - fix the feature file";
    }

    /** Input Cucumber could not parse (tag expression, Gherkin): a one-line message, no stack trace. */
    public static final class InputProblem extends IllegalArgumentException {
        public InputProblem(String message) {
            super(message);
        }
    }
}
