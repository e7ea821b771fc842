package dev.ssokit.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.model.AuthMode;
import dev.ssokit.report.Deviations;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What must hold before the first scenario, so that a broken kit folder is reported once, as what it is, and never
 * as a client failure: the selection (tag expression, feature paths and lines) and the environment (stubs/hosts,
 * the stubs folder, users.json, every WireMock mapping, the deviation files, the JVM's name resolution).
 */
public final class Preflight {
    /** One problem: the file (or option) it is in, what is wrong, and how to fix it. */
    public record Problem(String where, String what, String fix) {
        public String line() {
            return where + ": " + what + " - " + fix;
        }
    }

    /** {@code path/to/x.feature:12:30}: a feature file with the lines of the scenarios to run. */
    private static final Pattern WITH_LINES = Pattern.compile("^(.+?\\.feature)((?::\\d+)+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Preflight() {
    }

    /** The tag expression and the feature paths (files, folders, file.feature:LINE). */
    public static List<Problem> selection(List<Path> features, String tags) {
        List<Problem> problems = new ArrayList<>();
        if (tags != null && !tags.isBlank()) {
            try {
                TagExpressionParser.parse(tags);
            } catch (TagExpressionException e) {
                problems.add(new Problem("--tags \"" + tags + "\"", "not a tag expression ("
                        + e.getMessage().replaceFirst("^.*because of syntax error: ", "") + ")",
                        "use tags joined by and / or / not, with balanced parentheses, e.g. \"@req:F3 or @step:7\""));
            }
        }
        for (Path feature : features) {
            problems.addAll(featurePath(feature.toString()));
        }
        return problems;
    }

    static List<Problem> featurePath(String argument) {
        Matcher lines = WITH_LINES.matcher(argument);
        Path path = Path.of(lines.matches() ? lines.group(1) : argument);
        if (!Files.exists(path)) {
            return List.of(new Problem(argument, "no feature file or folder there",
                    "give a path relative to the current folder (or to --root), e.g. features/04_idp_login"));
        }
        if (!Files.isReadable(path)) {
            return List.of(new Problem(argument, "not readable", "let the kit's user read it (chmod u+r)"));
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                if (files.noneMatch(file -> file.toString().endsWith(".feature"))) {
                    return List.of(new Problem(argument, "the folder holds no .feature file",
                            "point at a folder with features, e.g. features/"));
                }
            } catch (IOException e) {
                return List.of(new Problem(argument, "cannot list the folder: " + e.getMessage(), "make it readable"));
            }
            return List.of();
        }
        if (!path.toString().endsWith(".feature")) {
            return List.of(new Problem(argument, "not a .feature file, so it holds no scenario",
                    "give a .feature file, a folder of them, or file.feature:LINE"));
        }
        if (lines.matches()) {
            long count;
            try (Stream<String> text = Files.lines(path)) {
                count = text.count();
            } catch (IOException e) {
                return List.of(new Problem(argument, "cannot read it: " + e.getMessage(), "make it readable"));
            }
            for (String line : lines.group(2).substring(1).split(":")) {
                long number = Long.parseLong(line);
                if (number < 1 || number > count) {
                    return List.of(new Problem(argument, "line " + line + " is outside the file (" + count + " lines)",
                            "use the line of a Scenario, as the kit's FAIL lines print it"));
                }
            }
        }
        return List.of();
    }

    /** The kit folder's environment: every problem named once, with its file and its fix. */
    public static List<Problem> environment(KitConfig config) {
        List<Problem> problems = new ArrayList<>();
        Path stubs = config.stubs();
        if (!Files.isDirectory(stubs) || !Files.isReadable(stubs)) {
            problems.add(new Problem(relative(config, stubs), Files.exists(stubs) ? "not a readable folder"
                    : "missing", "run from the kit's folder or pass --root; restore it with git checkout stubs"));
            problems.addAll(deviationFiles(config));
            return problems;
        }
        problems.addAll(hostsFile(config, stubs.resolve("hosts")));
        problems.addAll(users(config, stubs.resolve("users.json")));
        for (StubSystem system : StubSystem.values()) {
            problems.addAll(mappings(config, stubs.resolve(system.folder())));
        }
        problems.addAll(deviationFiles(config));
        return problems;
    }

    /** Every name a run needs, on a loopback line of stubs/hosts, and resolved to loopback by this JVM. */
    static List<Problem> hostsFile(KitConfig config, Path hosts) {
        Set<String> needed = new LinkedHashSet<>(StubWorld.defaultHostNames().values());
        needed.addAll(StubWorld.coResidentHostNames().values());
        needed.addAll(StubWorld.LAB_HOST_NAMES);
        needed.add("localhost");
        String where = relative(config, hosts);
        if (!Files.isRegularFile(hosts) || !Files.isReadable(hosts)) {
            return List.of(new Problem(where, Files.exists(hosts) ? "not a readable file" : "missing",
                    "restore it (git checkout stubs/hosts): one line \"127.0.0.1 " + String.join(" ", needed) + "\""));
        }
        Set<String> listed = new HashSet<>();
        try {
            for (String line : Files.readAllLines(hosts)) {
                String[] fields = line.replaceFirst("#.*", "").trim().split("\\s+");
                if (fields.length > 1 && (fields[0].startsWith("127.") || fields[0].equals("::1"))) {
                    listed.addAll(List.of(fields).subList(1, fields.length));
                }
            }
        } catch (IOException e) {
            return List.of(new Problem(where, "cannot read it: " + e.getMessage(), "make it readable"));
        }
        List<String> missing = needed.stream().filter(name -> !listed.contains(name)).toList();
        if (!missing.isEmpty()) {
            return List.of(new Problem(where, "does not map " + String.join(", ", missing) + " to 127.0.0.1",
                    "add them to its 127.0.0.1 line (or git checkout stubs/hosts)"));
        }
        List<String> unresolved = new ArrayList<>();
        for (String name : needed) {
            try {
                if (!InetAddress.getByName(name).isLoopbackAddress()) {
                    unresolved.add(name);
                }
            } catch (UnknownHostException e) {
                unresolved.add(name);
            }
        }
        if (!unresolved.isEmpty()) {
            return List.of(new Problem("this JVM", "does not resolve " + String.join(", ", unresolved) + " to loopback",
                    "start Java with -Djdk.net.hosts.file=" + where + " (./kit and mvn do this for you)"));
        }
        return List.of();
    }

    /** users.json: JSON, an "agents" array, each agent complete with a known auth mode (no secret is printed). */
    static List<Problem> users(KitConfig config, Path file) {
        String where = relative(config, file);
        JsonNode root;
        try {
            root = readJson(file);
        } catch (ProblemException e) {
            return List.of(e.problem(where, "restore it with git checkout stubs/users.json"));
        }
        JsonNode agents = root.path("agents");
        if (!agents.isArray() || agents.isEmpty()) {
            return List.of(new Problem(where, "has no \"agents\" array with at least one agent",
                    "give it {\"realm\": ..., \"agents\": [{\"loginName\", \"loginId\", \"password\", \"authMode\", "
                            + "\"extension\"}, ...]}"));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode agent : agents) {
            index++;
            String label = "agent #" + index + (agent.hasNonNull("loginName") ? " ('" + agent.get("loginName").asText()
                    + "')" : "");
            for (String field : List.of("loginName", "loginId", "password", "authMode", "extension")) {
                if (!agent.hasNonNull(field) || agent.get(field).asText().isBlank()) {
                    problems.add(new Problem(where, label + " has no \"" + field + "\"", "add it"));
                }
            }
            if (agent.hasNonNull("authMode")) {
                try {
                    AuthMode.parse(agent.get("authMode").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(where, label + ": " + e.getMessage(), "use SSO or NON_SSO"));
                }
            }
            if (agent.hasNonNull("loginName") && !names.add(agent.get("loginName").asText())) {
                problems.add(new Problem(where, label + " is listed twice", "keep one entry per loginName"));
            }
        }
        return problems;
    }

    /** Every mapping file of one stub system parses and is a WireMock mapping; bodies it names exist. */
    static List<Problem> mappings(KitConfig config, Path systemFolder) {
        Path folder = systemFolder.resolve("mappings");
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            return List.of(new Problem(relative(config, folder), Files.exists(folder) ? "not a readable folder"
                    : "missing", "restore it with git checkout " + relative(config, systemFolder)));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of(new Problem(relative(config, folder), "cannot list it: " + e.getMessage(), "make it readable"));
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String where = relative(config, file);
            JsonNode root;
            try {
                root = readJson(file);
            } catch (ProblemException e) {
                problems.add(e.problem(where, "fix the JSON (or git checkout " + where + ")"));
                continue;
            }
            List<JsonNode> stubs = new ArrayList<>();
            if (root.has("mappings") && root.get("mappings").isArray()) {
                root.get("mappings").forEach(stubs::add);
            } else {
                stubs.add(root);
            }
            for (JsonNode stub : stubs) {
                if (!stub.path("request").isObject()) {
                    problems.add(new Problem(where, "is not a WireMock mapping (no \"request\" object)",
                            "give it {\"request\": {...}, \"response\": {...}} or {\"mappings\": [...]}"));
                    break;
                }
                String body = stub.path("response").path("bodyFileName").asText("");
                if (!body.isEmpty() && !body.contains("{{") && !Files.isRegularFile(systemFolder.resolve("__files")
                        .resolve(body))) {
                    problems.add(new Problem(where, "names the body file " + body + ", which is not under "
                            + relative(config, systemFolder.resolve("__files")), "add the file or fix bodyFileName"));
                }
            }
        }
        return problems;
    }

    /** Every deviations/*.json parses as the deviation list of the client it is named after. */
    static List<Problem> deviationFiles(KitConfig config) {
        Path folder = config.root().resolve("deviations");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String client = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    readJson(file);
                    Deviations.load(config.root(), client);
                } catch (ProblemException e) {
                    problems.add(e.problem(relative(config, file), "fix the JSON (see deviations/README.md)"));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(relative(config, file), e.getMessage().replace(file.toString() + ": ", "")
                            .replace(file.toString() + " ", ""), "see deviations/README.md"));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(relative(config, folder), "cannot list it: " + e.getMessage(), "make it readable"));
        }
        return problems;
    }

    private static JsonNode readJson(Path file) throws ProblemException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ProblemException(Files.exists(file) ? "not a readable file" : "missing");
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (node == null || node.isMissingNode()) {
                throw new ProblemException("is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ProblemException("is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + jsonError(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProblemException("cannot be read: " + e.getMessage());
        }
    }

    /** Jackson's first line, without its source pointer, and never quoting a token (it could be a password). */
    static String jsonError(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("")
                .replaceFirst("\\s*\\(start marker at.*$", "");
        if (first.startsWith("Unrecognized token")) {
            return "a bare word where a JSON value belongs (text needs double quotes)";
        }
        return first.replaceAll("'[^']*'", "'...'");
    }

    private static String relative(KitConfig config, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(config.root()) ? config.root().relativize(absolute).toString() : absolute.toString();
    }

    /** A file that cannot be read as JSON. */
    private static final class ProblemException extends Exception {
        ProblemException(String message) {
            super(message);
        }

        Problem problem(String where, String fix) {
            return new Problem(where, getMessage(), fix);
        }
    }
}
