package dev.ssokit.conformance;

import dev.ssokit.client.Defect;
import dev.ssokit.client.Variant;
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
 * @param idp             the SAML IdP behind IdS: "stub" (default, the WireMock IdP pages) or "keycloak" (a real
 *                        Keycloak started for the run)
 */
public record KitConfig(Path root, Set<Defect> clientDefects, boolean strict, Duration scriptTimeout,
                        boolean redaction, boolean coResident, Set<Variant> clientVariants, String idp) {
    public static final java.util.List<String> IDPS = java.util.List.of("stub", "keycloak");

    public KitConfig {
        clientDefects = clientDefects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clientDefects));
        clientVariants = clientVariants == null ? Set.of() : Set.copyOf(clientVariants);
        idp = idp == null ? "stub" : idp;
        if (!IDPS.contains(idp)) {
            throw new IllegalArgumentException("--idp takes " + String.join(" or ", IDPS) + ", not '" + idp + "'");
        }
    }

    /** Without conformant variants (see {@link #withVariants} and {@link #parseVariants}), with the stub IdP. */
    public KitConfig(Path root, Set<Defect> clientDefects, boolean strict, Duration scriptTimeout, boolean redaction,
                     boolean coResident) {
        this(root, clientDefects, strict, scriptTimeout, redaction, coResident, Set.of(), "stub");
    }

    public KitConfig(Path root, Set<Defect> clientDefects, boolean strict, Duration scriptTimeout, boolean redaction,
                     boolean coResident, Set<Variant> clientVariants) {
        this(root, clientDefects, strict, scriptTimeout, redaction, coResident, clientVariants, "stub");
    }

    public boolean keycloak() {
        return idp.equals("keycloak");
    }

    public KitConfig withIdp(String name) {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, redaction, coResident, clientVariants, name);
    }

    /** A JDK for Keycloak (21+): KEYCLOAK_JAVA_HOME or -Dkit.keycloak.java.home, if set. */
    public java.util.Optional<Path> keycloakJavaHome() {
        String value = setting("kit.keycloak.java.home", System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", ""));
        return value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(value));
    }

    public static KitConfig defaults(Path root) {
        return new KitConfig(root, Set.of(), false, Duration.ofSeconds(10), true, false);
    }

    /** From -Dkit.* system properties (set by Maven and the CLI), falling back to KIT_* environment variables. */
    public static KitConfig fromSystem() {
        Map<String, String> env = System.getenv();
        Path root = Path.of(setting("kit.root", env.getOrDefault("KIT_ROOT", "."))).toAbsolutePath().normalize();
        String client = setting("kit.client", env.getOrDefault("KIT_CLIENT", "reference"));
        return new KitConfig(root, parseClient(client),
                Boolean.parseBoolean(setting("kit.strict", env.getOrDefault("KIT_STRICT", "false"))),
                Duration.ofMillis(Long.parseLong(setting("kit.script.timeout.ms", "10000"))), true,
                "co-resident".equals(setting("kit.topology", env.getOrDefault("KIT_TOPOLOGY", "distinct"))),
                parseVariants(client), setting("kit.idp", env.getOrDefault("KIT_IDP", "stub")));
    }

    /** The kit's own classpath, for the Java reference adapter a manifest may start (${kitClasspath}). */
    public static String kitClasspath() {
        return System.getProperty("java.class.path", "");
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
        Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).filter(s -> !Variant.isId(s))
                .map(Defect::fromId).forEach(defects::add);
        return defects;
    }

    /** The conformant variants named in a client spec ("ok-favicon", "ok-query-refresh,ok-early-refresh"). */
    public static Set<Variant> parseVariants(String client) {
        String spec = client.trim().startsWith("defect:") ? client.trim().substring("defect:".length()) : client;
        EnumSet<Variant> variants = EnumSet.noneOf(Variant.class);
        Arrays.stream(spec.split(",")).map(String::trim).filter(Variant::isId).map(Variant::fromId)
                .forEach(variants::add);
        return variants;
    }

    public KitConfig withVariants(Set<Variant> variants) {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, redaction, coResident, variants, idp);
    }

    public KitConfig withDefects(Set<Defect> defects) {
        return new KitConfig(root, defects, strict, scriptTimeout, redaction, coResident, clientVariants, idp);
    }

    public KitConfig withStrict(boolean strictMode) {
        return new KitConfig(root, clientDefects, strictMode, scriptTimeout, redaction, coResident, clientVariants, idp);
    }

    public KitConfig withCoResident(boolean together) {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, redaction, together, clientVariants, idp);
    }

    public String topology() {
        return (coResident ? "co-resident (Finesse and IdS on ccx.test)" : "distinct hosts")
                + (keycloak() ? ", IdP: Keycloak" : "");
    }

    public KitConfig withoutRedaction() {
        return new KitConfig(root, clientDefects, strict, scriptTimeout, false, coResident, clientVariants, idp);
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
        java.util.stream.Stream<String> ids = java.util.stream.Stream.concat(clientDefects.stream().map(Defect::id),
                clientVariants.stream().map(Variant::id));
        return ids.sorted().reduce((a, b) -> a + "+" + b).orElse("reference");
    }
}
