package dev.ssokit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * reports/: cleaned at the start of a run (allure-results would otherwise pile up), with Allure's history carried
 * over for trends, Allure's environment.properties and categories.json written, only README.md kept.
 */
public final class ReportFolder {
    private static final List<String> GENERATED = List.of("allure-results", "summary.md", "summary.html",
            "verdict.json", "junit.xml", "cucumber.json");

    private final Path root;

    private ReportFolder(Path root) {
        this.root = root;
    }

    public static ReportFolder prepare(Path root, String client, String target) {
        try {
            Files.createDirectories(root);
            for (String name : GENERATED) {
                delete(root.resolve(name));
            }
            Path results = root.resolve("allure-results");
            Files.createDirectories(results);
            Path history = root.resolve("allure-report").resolve("history");
            if (Files.isDirectory(history)) {
                copy(history, results.resolve("history"));
            }
            Files.writeString(results.resolve("environment.properties"), String.join("\n",
                    "Target=" + target,
                    "Client.under.test=" + client,
                    "Suite.version=" + Versions.kit(),
                    "Java=" + Versions.java(),
                    "HtmlUnit=" + Versions.htmlUnit()) + "\n");
            try (var categories = ReportFolder.class.getResourceAsStream("/dev/ssokit/allure-categories.json")) {
                Files.copy(categories, results.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return new ReportFolder(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the reports folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** The redaction guard of last resort: every text file the run left under reports/ passes the redactor. */
    public void finish(Redactor redactor) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ReportFolder::isText).toList()) {
                String text = Files.readString(file);
                String redacted = file.getFileName().toString().equals("cucumber.json")
                        ? CucumberJsonRedaction.redact(text, redactor) : redactor.redact(text);
                if (!redacted.equals(text)) {
                    Files.writeString(file, redacted);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the reports under " + root, e);
        }
    }

    /**
     * After an interruption: Cucumber writes junit.xml and cucumber.json only at the end of a run, so they are
     * empty. junit.xml then holds one errored test saying so (a CI tool reads "interrupted", not "0 tests"), and an
     * empty cucumber.json is removed.
     */
    public void interrupted() {
        try {
            Path junit = root.resolve("junit.xml");
            if (!Files.exists(junit) || Files.size(junit) == 0) {
                Files.writeString(junit, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"Cucumber\" "
                        + "tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"1\">\n<testcase classname=\"kit run\" "
                        + "name=\"interrupted\"><error message=\"interrupted: the run was stopped before it finished; "
                        + "see verdict.json\"/></testcase>\n</testsuite>\n");
            }
            Path cucumber = root.resolve("cucumber.json");
            if (Files.exists(cucumber) && Files.size(cucumber) == 0) {
                Files.delete(cucumber);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark the reports under " + root + " as interrupted", e);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return !name.equals("README.md") && (name.endsWith(".json") || name.endsWith(".xml") || name.endsWith(".md")
                || name.endsWith(".html") || name.endsWith(".txt") || name.endsWith(".properties"));
    }

    public Path allureResults() {
        return root.resolve("allure-results");
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Copies a folder tree (also used by the canary test to lay out a kit root). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
