package dev.ssokit.cli;

import dev.ssokit.conformance.observed.JournalSource;
import dev.ssokit.conformance.observed.ObservedJudgement;
import dev.ssokit.conformance.observed.ObservedReport;
import dev.ssokit.report.Redactor;
import dev.ssokit.world.JournalJson;
import dev.ssokit.world.UserDirectory;
import dev.ssokit.world.WorldDescription;
import dev.ssokit.world.serve.RedactingMasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Observed mode: judges what a partner's own application did in a serve session, from its journal alone. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Fetch a serve session's journal and judge it against the catalogue's journal-only checks: "
                + "which behaviours were exercised, passed, failed, or could not be judged. Exit 0 PASS, 1 FAIL, "
                + "2 could not run or NOT_JUDGED (nothing judgeable was exercised: verdict.json says which).")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--world", paramLabel = "FILE", description = "serve's world.json (control URL and token)")
    private Path world;

    @Option(names = "--control", paramLabel = "URL", description = "the control API, e.g. http://127.0.0.1:8600")
    private String control;

    @Option(names = "--token", paramLabel = "T", description = "the control token serve printed")
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "a file holding it (serve's --state/control-token)")
    private Path tokenFile;

    @Option(names = "--session", defaultValue = "default", paramLabel = "ID", description = "which session (default: default)")
    private String session;

    @Option(names = "--reports", defaultValue = "reports/observed", paramLabel = "DIR", description = "where verdict.json, summary.md and the redacted journal go")
    private Path reports;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR", description = "the kit's folder (stubs/users.json)")
    private Path root;

    @Option(names = "--strict", description = "a failed WARN behaviour fails the verdict too")
    private boolean strict;

    @Override
    public Integer call() {
        try {
            String url = control;
            String bearer = token;
            if (world != null) {
                WorldDescription description = WorldDescription.read(world);
                if (description.control() == null) {
                    throw new IllegalArgumentException(world + " names no control API");
                }
                url = url != null ? url : description.control().url();
                if (bearer == null && description.control().token() != null) {
                    bearer = description.control().token();
                }
                if (bearer == null && description.control().tokenFile() != null) {
                    bearer = Files.readString(Path.of(description.control().tokenFile())).trim();
                }
            }
            if (bearer == null && tokenFile != null) {
                bearer = Files.readString(tokenFile).trim();
            }
            if (url == null || bearer == null) {
                System.err.println("kit verify: say where serve runs: --world world.json, or --control URL with "
                        + "--token T (or --token-file FILE)");
                return 2;
            }
            UserDirectory directory = UserDirectory.load(root.resolve("stubs/users.json"));
            Redactor redactor = Redactor.standard().withKnownSecrets(directory.agents().stream()
                    .map(agent -> agent.password().reveal()).toList());
            JournalJson.Document journal = JournalSource.fetch(url, bearer, session);
            ObservedJudgement.Outcome outcome = ObservedJudgement.judge(journal.exchanges(), journal.dropped(),
                    directory, redactor, strict);
            String redacted = JournalJson.write(session, journal.exchanges(), journal.dropped(),
                    new RedactingMasks(redactor), true);
            ObservedReport.write(reports, outcome, session, url, redacted);
            System.out.println(ObservedReport.console(outcome, session) + "   (reports: "
                    + reports.toAbsolutePath().normalize() + "/verdict.json, summary.md, journal.json)");
            return switch (outcome.verdict()) {
                case "PASS" -> 0;
                case "FAIL" -> 1;
                default -> 2; // NOT_JUDGED: the run could not judge (the exit code of kit run too)
            };
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("kit verify: " + e.getMessage());
            return 2;
        }
    }
}
