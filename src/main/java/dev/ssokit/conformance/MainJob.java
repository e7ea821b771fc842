package dev.ssokit.conformance;

import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.Deviations;
import dev.ssokit.report.ReportFolder;
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
 */
public final class MainJob {
    public static final String TARGET = "embedded stub world";
    /** The features that run in either topology (the lab pages under browser/ name distinct hosts). */
    public static final List<String> FLOW_FEATURES = List.of("01_system_auth_mode", "02_user_auth_mode",
            "03_access_token", "04_idp_login", "05_login_id", "06_api_with_login_id", "07_refresh", "contract");

    private MainJob() {
    }

    public static ConformanceSummary run(KitConfig config, List<Path> features, String tags, PrintStream console,
                                         Plugin... extraPlugins) {
        try (RunContext context = RunContext.owningWorld(config)) {
            return run(context, features, tags, console, extraPlugins);
        }
    }

    public static ConformanceSummary run(RunContext context, List<Path> features, String tags, PrintStream console,
                                         Plugin... extraPlugins) {
        KitConfig config = context.config();
        String target = TARGET + ", " + config.topology();
        ReportFolder reports = ReportFolder.prepare(config.reports(), context.clientId(), target);
        ConformanceSummary summary = new ConformanceSummary(config.reports(), context.clientId(), target, console,
                config.redactor()).withDeviations(Deviations.load(config.root(), context.clientId()),
                (tags == null || tags.isBlank()) && features.equals(List.of(config.features())));
        List<Plugin> plugins = new ArrayList<>(List.of(summary,
                new AllureCucumber7Jvm(new AllureLifecycle(new FileSystemResultsWriter(reports.allureResults())))));
        plugins.addAll(List.of(extraPlugins));
        try {
            ConformanceRun.execute(context, features, tags, List.of("progress",
                    "json:" + config.reports().resolve("cucumber.json"),
                    "junit:" + config.reports().resolve("junit.xml")), plugins.toArray(Plugin[]::new));
        } finally {
            reports.finish(config.redactor());
            PartnerReport.seal(config.reports(), context, console);
        }
        return summary;
    }
}
