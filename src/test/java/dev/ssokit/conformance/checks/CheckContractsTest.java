package dev.ssokit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every check states what it tests: a requirement ID (its own, or the scenario's it was given), a severity and a
 * rule a partner can read. Each check is made with plain sample arguments.
 */
class CheckContractsTest {
    private static final String GIVEN = "Q9";

    static List<Check> everyCheck() throws ReflectiveOperationException {
        List<Check> checks = new ArrayList<>();
        java.net.URL folder = Check.class.getResource("Check.class");
        java.nio.file.Path classes = java.nio.file.Path.of(java.net.URI.create(folder.toString())).getParent();
        List<String> names;
        try (var files = java.nio.file.Files.list(classes)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - 6)).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (String name : names) {
            Class<?> type = Class.forName(Check.class.getPackageName() + "." + name);
            if (!type.isRecord() || !Check.class.isAssignableFrom(type)) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getName(), types[i]);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            checks.add((Check) constructor.newInstance(values));
        }
        return checks;
    }

    private static Object sample(String name, Class<?> type) {
        if (type == String.class) {
            return name.equals("requirement") ? GIVEN : "sample";
        }
        if (type == Target.class) {
            return Target.parse("https://finesse.test/sample");
        }
        if (type == AgentNames.class) {
            return new AgentNames("kwalker@corp.example", "kwalker", "kim.walker", "98416");
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == java.util.function.Predicate.class) {
            return (java.util.function.Predicate<Object>) x -> true;
        }
        if (type == Supplier.class) {
            return (Supplier<List<String>>) List::of;
        }
        return "sample";
    }

    @Test
    void everyCheckNamesItsRequirementSeverityAndRule() throws ReflectiveOperationException {
        List<Check> checks = everyCheck();
        assertThat(checks).hasSizeGreaterThan(50);
        for (Check check : checks) {
            String name = check.getClass().getSimpleName();
            boolean takesRequirement = java.util.Arrays.stream(check.getClass().getRecordComponents())
                    .anyMatch(c -> c.getName().equals("requirement"));
            if (takesRequirement) {
                assertThat(check.requirement()).as(name).isEqualTo(GIVEN);
            } else {
                assertThat(check.requirement()).as(name).matches("[A-Z]\\d+");
            }
            assertThat(check.severity()).as(name).isNotNull();
            assertThat(check.rule()).as(name).isNotBlank();
        }
    }

    @Test
    void severitiesAreTheCataloguesOwn() throws ReflectiveOperationException {
        for (Check check : everyCheck()) {
            Severity expected = switch (check.getClass().getSimpleName()) {
                case "CheckNoLoginIdLookup" -> Severity.INFO;
                case "CheckRenewalsPer401", "EnsureCookieOrder" -> Severity.WARN;
                default -> null;
            };
            if (expected != null) {
                assertThat(check.severity()).as(check.getClass().getSimpleName()).isEqualTo(expected);
            } else {
                assertThat(check.severity()).as(check.getClass().getSimpleName()).isIn(Severity.FAIL, Severity.WARN,
                        Severity.INFO);
            }
        }
    }
}
