package dev.ssokit.labtarget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.cli.KitCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PreflightCommandTest {
    @Test
    void exitsTwoWhenTheTargetFileHasProblems() {
        Path example = Path.of(System.getProperty("kit.root", ".")).resolve("targets/example-lab.yaml");
        int exit = new CommandLine(new KitCommand()).execute("preflight", "--target", example.toString());
        assertThat(exit).isEqualTo(2);
    }
}
