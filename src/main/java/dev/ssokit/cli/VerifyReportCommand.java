package dev.ssokit.cli;

import dev.ssokit.report.ReportDigest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a conformance report against its evidence digest (and signature): was anything edited after the run? */
@Command(name = "verify-report", mixinStandardHelpOptions = true,
        description = "Check that a report folder is as ./kit run sealed it: every evidence file against "
                + "evidence-manifest.json, the manifest against evidence.sha256, and the signature if there is one. "
                + "Exit code 0: intact; 1: edited (or the signature does not match); 2: unreadable.")
final class VerifyReportCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "reports", paramLabel = "DIR", description = "the report folder (default: reports)")
    private Path reports;

    @Option(names = "--public-key", paramLabel = "PUB.pem",
            description = "check the signature against this public key (the signer's, obtained out of band)")
    private Path publicKey;

    @Override
    public Integer call() {
        ReportDigest.Check check = ReportDigest.verify(reports, publicKey);
        check.lines().forEach(System.out::println);
        return check.exitCode();
    }
}
