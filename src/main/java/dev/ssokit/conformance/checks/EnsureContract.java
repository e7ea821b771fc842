package dev.ssokit.conformance.checks;

import java.util.List;
import java.util.function.Supplier;

/** K1: a response of the target has its documented shape; the probe lists every deviation it found. */
public record EnsureContract(String rule, Supplier<List<String>> probe, String requirement) implements Check {
    /** K1: the documented shape. Other IDs (V1, V4) for sourced variants and the kit's own choices. */
    public EnsureContract(String rule, Supplier<List<String>> probe) {
        this(rule, probe, "K1");
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public Verdict evaluate(Evidence evidence) {
        List<String> deviations = probe.get();
        return Verdict.of(deviations.isEmpty(), "the documented shape", String.join("; ", deviations));
    }
}
