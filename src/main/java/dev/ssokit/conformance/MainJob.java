package dev.ssokit.conformance;

import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.Deviations;
import dev.ssokit.report.ReportFolder;
import dev.ssokit.report.RunLock;
import io.cucumber.plugin.Plugin;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's main job: the features against the embedded stub world, with every report: summary (Markdown, HTML,
 * JSON verdict), JUnit XML, Cucumber JSON and Allure results, all redacted. `./kit run` is this job.
 *
 * <p>It always ends with a verdict written: it holds the reports folder's {@link RunLock}, checks the selection
 * and the environment first ({@link Preflight}; a problem there is NOT_JUDGED before any scenario), survives any
 * Throwable of the run (OutOfMemoryError included: the scenario in flight counts as ERROR), and a shutdown hook
 * writes an INTERRUPTED report and removes the stub world's keys when the JVM is stopped.
 */
public final class MainJob {
    public static final String TARGET = "embedded stub world";
    /** The features that run in either topology (the lab pages under browser/ name distinct hosts). */
    public static final List<String> FLOW_FEATURES = List.of("01_system_auth_mode", "02_user_auth_mode",
            "03_access_token", "04_idp_login", "05_login_id", "06_api_with_login_id", "07_refresh", "contract");

    private MainJob() {
    }

    /**
     * @throws RunLock.Busy when another run is writing the same reports folder (nothing is touched then)
     */
    public static ConformanceSummary run(KitConfig config, List<Path> features, String tags, PrintStream console,
                                         Plugin... extraPlugins) {
        try (RunContext context = RunContext.owningWorld(config)) {
            return run(context, features, tags, console, extraPlugins);
        }
    }

    public static ConformanceSummary run(RunContext context, List<Path> features, String tags, PrintStream console,
                                         Plugin... extraPlugins) {
        return run(context, features, tags, List.of(), console, extraPlugins);
    }

    /** As above, with extra glue packages (the runner's own tests). */
    public static ConformanceSummary run(RunContext context, List<Path> features, String tags, List<String> extraGlue,
                                         PrintStream console, Plugin... extraPlugins) {
        KitConfig config = context.config();
        try (RunLock lock = RunLock.acquire(config.reports())) {
            return locked(context, features, tags, extraGlue, console, extraPlugins);
        }
    }

    private static ConformanceSummary locked(RunContext context, List<Path> features, String tags,
                                             List<String> extraGlue, PrintStream console, Plugin... extraPlugins) {
        KitConfig config = context.config();
        String target = context.target().map(dev.ssokit.conformance.runtarget.RunTarget::describe)
                .orElse(TARGET + ", " + config.topology());
        ReportFolder reports = ReportFolder.prepare(config.reports(), context.clientId(), target);
        ConformanceSummary summary = new ConformanceSummary(config.reports(), context.clientId(), target, console,
                config.redactor());
        List<Preflight.Problem> problems = new ArrayList<>(Preflight.selection(features, tags));
        problems.addAll(Preflight.environment(config));
        if (problems.isEmpty() && context.target().isPresent()) { // a lab: secrets, names, TLS, SystemInfo, proxy
            context.target().get().preflight().forEach(line -> {
                console.println("preflight: " + config.redactor().redact(line));
                List<String> parts = line.lines().toList();
                problems.add(new Preflight.Problem("--target", parts.get(0), parts.size() > 1
                        ? parts.get(1).trim().replaceFirst("^fix: ", "") : "see ./kit preflight --target"));
            });
        }
        if (problems.isEmpty()) {
            summary.withDeviations(Deviations.load(config.root(), context.clientId()),
                    (tags == null || tags.isBlank()) && features.equals(List.of(config.features())));
        } else {
            problems.forEach(problem -> summary.notJudged(problem.line()));
            summary.publish();
            reports.finish(config.redactor());
            return summary;
        }
        List<Plugin> plugins = new ArrayList<>(List.of(summary,
                new AllureCucumber7Jvm(new AllureLifecycle(new FileSystemResultsWriter(reports.allureResults())))));
        plugins.addAll(List.of(extraPlugins));
        Thread onInterrupt = new Thread(() -> {
            summary.interrupted();
            reports.interrupted();
            reports.finish(config.redactor());
            context.close();
        }, "kit-run-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            ConformanceRun.execute(context, features, tags, List.of("progress",
                    "json:" + config.reports().resolve("cucumber.json"),
                    "junit:" + config.reports().resolve("junit.xml")), extraGlue, plugins.toArray(Plugin[]::new));
        } catch (ConformanceRun.InputProblem e) {
            summary.notJudged(e.getMessage());
        } catch (ConformanceRun.DroppedScenarios e) { // the scenario it dropped is an ERROR outcome already
            summary.runStopped(e.getCause());
        } catch (Throwable e) { // OutOfMemoryError included: the verdict must still be written
            summary.runStopped(e);
            summary.notJudged("the run stopped early: " + describe(e));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it writes the INTERRUPTED report
            }
        }
        if (!summary.wasInterrupted()) {
            summary.publish();
            reports.finish(config.redactor());
            PartnerReport.seal(config.reports(), context, console);
        }
        return summary;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String hint = e instanceof OutOfMemoryError ? " (the kit's heap is -Xmx1g; a server sent more than it holds)"
                : "";
        return e.getClass().getSimpleName() + message + hint;
    }
}
