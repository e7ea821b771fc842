package dev.ssokit.client.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Loads every preset of a folder (stubs/idp/presets/*.json), checking each enough to fail with the file's name. */
public final class IdpPresets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdpPresets() {
    }

    public static List<IdpPreset> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<IdpPreset> presets = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                presets.add(check(file, JSON.readValue(file.toFile(), IdpPreset.class)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("An IdP preset under " + folder + " is not valid JSON: "
                    + e.getMessage());
        }
        return List.copyOf(presets);
    }

    private static IdpPreset check(Path file, IdpPreset preset) {
        if (preset.name() == null || preset.pages().isEmpty()) {
            throw new IllegalArgumentException("IdP preset " + file + " needs a \"name\" and at least one page");
        }
        for (IdpPreset.Page page : preset.pages()) {
            if (page.name() == null || page.match() == null || page.match().url() == null) {
                throw new IllegalArgumentException("IdP preset " + file + ": every page needs a \"name\" and a "
                        + "\"match\" with a \"url\" regular expression");
            }
            try {
                Pattern.compile(page.match().url());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("IdP preset " + file + ", page '" + page.name() + "': match.url is "
                        + "not a regular expression: " + e.getDescription());
            }
        }
        return preset;
    }
}
