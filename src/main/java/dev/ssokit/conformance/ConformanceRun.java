package dev.ssokit.conformance;

import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.Plugin;
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
        List<String> args = new ArrayList<>(List.of("--glue", GLUE, "--monochrome", "--no-summary"));
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
        RuntimeOptions options = parser.parse(args.toArray(String[]::new)).build();
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
        runtime.run();
        return runtime.exitStatus();
    }
}
