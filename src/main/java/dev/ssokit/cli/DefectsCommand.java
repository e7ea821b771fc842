package dev.ssokit.cli;

import dev.ssokit.client.Defect;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the defects the reference client can be switched into (the broken twins). */
@Command(name = "defects", description = "List the defects a broken twin of the reference client can have.")
final class DefectsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Defect defect : Defect.values()) {
            System.out.printf("%-36s %-8s %s%n", defect.id(), String.join(",", defect.requirements()), defect.description());
        }
        return 0;
    }
}
