package dev.ssokit.conformance;

import dev.ssokit.client.Defect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The kit's settings, with defaults. The only class that reads system properties and the environment: every
 * other class receives a KitConfig.
 *
 * @param root            the kit's folder (features/, stubs/, reports/ live under it)
 * @param clientDefects   defects switched on in the client under test; empty = the reference client
 * @param strict          a failed WARN check fails the run too
 * @param scriptTimeout   bound on waiting for page scripts (J7)
 * @param redaction       secrets masked in every output; only code can turn it off (the canary test's proof that
 *                        it can fail): no property, variable or option does
 * @param coResident      topology: Finesse and IdS on one host name (two ports), as in many real deployments;
 *                        false (default): each system on its own host name
 */
public record KitConfig(Path root, Set<Defect> clientDefects, boolean strict, Duration scriptTimeout,
                        boolean redaction, boolean coResident) {
    public KitConfig {
        clientDefects = clientDefects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clientDefects));
    }

    public static KitConfig defaults(Path root) {
        return new KitConfig(root, Set.of(), false, Duration.ofSeconds(10), true, false);
    }

    /** From -Dkit.* system properties (set by Maven and the CLI), falling back to KIT_* environment variables. */
    public static KitConfig fromSystem() {
        Map<String, String> env = System.getenv();
        Path root = Path.of(setting("kit.root", env.getOrDefault("KIT_ROOT", "."))).toAbsolutePath().normalize();
        return new KitConfig(root, parseClient(setting("kit.client", env.getOrDefault("KIT_CLIENT", "reference"))),
                Boolean.parseBoolean(setting("kit.strict", env.getOrDefault("KIT_STRICT", "false"))),
                Duration.ofMillis(Long.parseLong(setting("kit.script.timeout.ms", "10000"))), true,
                "co-resident".equals(setting("kit.topology", env.getOrDefault("KIT_TOPOLOGY", "distinct"))));
    }

    /** The process environment as a lookup, for the secrets a lab target names (env:VARIABLE). */
    public static java.util.function.Function<String, String> environment() {
        Map<String, String> env = System.getenv();
        return env::get;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** "reference", or the ids of defects to switch on: "no-cookies" or "defect:no-cookies,never-refresh". */
    public static Set<Defect> parseClient(String client) {
        String spec = client.trim();
        if (spec.isEmpty() || spec.equals("reference")) {
            return Set.of();
        }
        if (spec.startsWith("defect:")) {
            spec = spec.substring("defect:".length());
        }
        EnumSet<Defect> defects = EnumSet.noneOf(Defect.class);
        Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Defect::fromId)
                .forEach(defects::add);
        return defects;
    }

    public KitConfig withDefects(Set<Defect> defects) {
        return new KitConfig(root, defects, strict, scriptTimeout, redaction, coResident);
    }

    public KitConfig withStrict(boolean strictMode) {
        return new KitConfig(root, clientDefects, strictMode, scriptTimeout, redaction, coResident);
    }

    public KitConfig withCoResident(boolean together) {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, redaction, together);
    }

    public String topology() {
        return coResident ? "co-resident (Finesse and IdS on ccx.test)" : "distinct hosts";
    }

    public KitConfig withoutRedaction() {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, false, coResident);
    }

    public dev.ssokit.report.Redactor redactor() {
        dev.ssokit.report.Redactor standard = dev.ssokit.report.Redactor.standard();
        return redaction ? standard : standard.disabled();
    }

    public Path stubs() {
        return root.resolve("stubs");
    }

    public Path features() {
        return root.resolve("features");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public String clientId() {
        return clientDefects.isEmpty() ? "reference"
                : clientDefects.stream().map(Defect::id).sorted().reduce((a, b) -> a + "+" + b).orElseThrow();
    }
}
