package dev.ssokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.client.Capability;
import dev.ssokit.conformance.runtarget.TargetNeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the {@code @needs:} tags honest: a scenario with a step that sets up the stub world (needs-rules.tsv says
 * which wording needs what) carries the tag, on itself or its feature; every {@code @needs:} id is a known target need
 * or client capability. A lab run skips by these tags, so a missing one would make a lab scenario error, not skip.
 */
class NeedsTagsTest {
    private static final Pattern STEP = Pattern.compile("^\\s*(Given|When|Then|And|But|\\*)\\s+(.*)$");

    record Rule(String need, Pattern step) {
    }

    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (var in = NeedsTagsTest.class.getResourceAsStream("/needs-rules.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    rules.add(new Rule(parts[0], Pattern.compile(parts[1])));
                }
            }
        }
        return rules;
    }

    static List<Path> features() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("kit.root", ".")).resolve("features"))) {
            return files.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
    }

    @Test
    void everyScenarioCarriesTheNeedsOfItsSteps() throws IOException {
        List<Rule> rules = rules();
        List<String> missing = new ArrayList<>();
        for (Path feature : features()) {
            Set<String> featureTags = new HashSet<>();
            Set<String> pending = new HashSet<>();
            Set<String> scenarioTags = null;
            String scenario = null;
            List<String> lines = Files.readAllLines(feature);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).trim();
                if (text.startsWith("@")) {
                    pending.addAll(Arrays.asList(text.split("\\s+")));
                } else if (text.startsWith("Feature:")) {
                    featureTags.addAll(pending);
                    pending.clear();
                } else if (text.startsWith("Scenario")) {
                    scenarioTags = new HashSet<>(pending);
                    scenario = feature.getFileName() + ":" + (i + 1);
                    pending.clear();
                } else if (text.startsWith("Examples") || text.startsWith("Background")) {
                    pending.clear();
                    scenarioTags = text.startsWith("Background") ? null : scenarioTags;
                } else {
                    Matcher step = STEP.matcher(lines.get(i));
                    if (step.matches() && scenarioTags != null) {
                        for (Rule rule : rules) {
                            String tag = "@needs:" + rule.need();
                            if (rule.step().matcher(step.group(2)).find() && !scenarioTags.contains(tag)
                                    && !featureTags.contains(tag)) {
                                missing.add(scenario + " needs " + tag + " for step \"" + step.group(2) + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("scenarios whose steps need what their tags do not say").isEmpty();
    }

    @Test
    void everyNeedsTagIsAKnownTargetNeedOrClientCapability() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path feature : features()) {
            Matcher tags = Pattern.compile("@needs:[A-Za-z0-9-]+").matcher(Files.readString(feature));
            while (tags.find()) {
                String tag = tags.group();
                boolean capability = Arrays.stream(Capability.values()).anyMatch(c -> tag.equals("@needs:" + c.id()));
                if (TargetNeed.ofTag(tag).isEmpty() && !capability) {
                    unknown.add(feature.getFileName() + ": " + tag);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void targetNeedsAndClientCapabilitiesHaveDistinctNames() {
        for (TargetNeed need : TargetNeed.values()) {
            assertThat(Arrays.stream(Capability.values()).map(Capability::id)).doesNotContain(need.id());
        }
        assertThat(TargetNeed.ofTag("@stub-idp")).contains(TargetNeed.STUB_IDP);
    }
}
