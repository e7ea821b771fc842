package dev.ssokit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kit <command>}: the kit's command line. */
@Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = KitCommand.Version.class,
        description = "Finesse SSO Conformance Kit: conformance and contract tests for Cisco Finesse SSO thick clients.",
        subcommands = {RunCommand.class, ServeCommand.class, VerifyCommand.class, DefectsCommand.class,
                BenchCommand.class, VerifyReportCommand.class, PreflightCommand.class, RecordCommand.class, DriftCommand.class,
                CommandLine.HelpCommand.class})
public final class KitCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line: option errors exit 2 (picocli's usage code); a command that throws exits 2 too ("could not
     * judge"), never 1, which means "not conformant".
     */
    public static CommandLine commandLine() {
        return new CommandLine(new KitCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println("kit " + commandLine.getCommandName() + ": the kit failed: "
                            + error.getClass().getSimpleName() + ": " + error.getMessage());
                    error.printStackTrace(commandLine.getErr());
                    return 2;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Finesse SSO Conformance Kit " + dev.ssokit.report.Versions.kit()};
        }
    }
}
