package dev.ssokit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.world.Exchange;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary: a real run with a planted password leaves no secret that crossed the wire (that password, every
 * token, refresh token, code, SAML request and response, RelayState, uniqueId, session cookie) anywhere under
 * reports/ or in the console, plain, URL-encoded or base64. The second test proves the canary bites.
 */
class SecretCanaryTest {
    private static final String CANARY_PASSWORD = "Canary-Pa55-Q7xZ-9231";
    private static final String TAGS = "@step:3 or @step:4 or @step:6 or @step:7";
    private static final Set<String> SECRET_PARAMETERS = Set.of("code", "SAMLRequest", "SAMLResponse", "RelayState",
            "uniqueId", "token", "refresh-token", "Password", "access_token");
    private static final Pattern JSON_TOKEN = Pattern.compile("\"(token|refresh_token)\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path temp;

    @Test
    void noSecretLeavesTheRun() throws IOException {
        Scan scan = runAndScan(temp.resolve("redacted"), true);
        assertThat(scan.secrets()).as("secrets harvested from the wire").hasSizeGreaterThan(50);
        assertThat(scan.leaks()).as("secrets found in reports/ or the console").isEmpty();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> files = Files.walk(temp.resolve("redacted").resolve("reports"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                json.readTree(file.toFile());
            }
        }
    }

    @Test
    void theCanaryFindsLeaksWhenRedactionIsOff() throws IOException {
        Scan scan = runAndScan(temp.resolve("unredacted"), false);
        assertThat(scan.leaks()).as("with redaction off the same scan must find the planted secrets").isNotEmpty();
    }

    record Scan(Set<String> secrets, List<String> leaks) {
    }

    private Scan runAndScan(Path root, boolean redaction) throws IOException {
        Path kit = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath();
        ReportFolder.copy(kit.resolve("stubs"), root.resolve("stubs"));
        ReportFolder.copy(kit.resolve("features"), root.resolve("features"));
        Path users = root.resolve("stubs/users.json");
        Files.writeString(users, Files.readString(users).replace("Stub-Pass-98411", CANARY_PASSWORD));
        KitConfig config = KitConfig.defaults(root);
        if (!redaction) {
            config = config.withoutRedaction();
        }
        Set<String> secrets = ConcurrentHashMap.newKeySet();
        secrets.add(CANARY_PASSWORD);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (RunContext context = RunContext.owningWorld(config)) {
            System.setOut(capture);
            System.setErr(capture);
            MainJob.run(context, List.of(root.resolve("features")), TAGS, capture, new Harvester(context, secrets));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        List<String> haystacks = new ArrayList<>();
        haystacks.add("console\n" + console.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(root.resolve("reports"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                haystacks.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        haystacks.addAll(cucumberAttachments(root.resolve("reports/cucumber.json")));
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                for (String haystack : haystacks) {
                    if (haystack.contains(form)) {
                        leaks.add(haystack.substring(0, haystack.indexOf('\n')) + " holds " + secret.substring(0, 6) + "…");
                    }
                }
            }
        }
        return new Scan(secrets, leaks);
    }

    /** cucumber.json holds its attachments base64-encoded: the canary reads them decoded too. */
    private static List<String> cucumberAttachments(Path file) throws IOException {
        List<String> decoded = new ArrayList<>();
        if (!Files.exists(file)) {
            return decoded;
        }
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).findValues("embeddings")
                .forEach(embeddings -> embeddings.forEach(embedding -> decoded.add(file + " attachment "
                        + embedding.path("name").asText() + "\n" + new String(Base64.getDecoder().decode(
                        embedding.path("data").asText()), StandardCharsets.ISO_8859_1))));
        return decoded;
    }

    static List<String> forms(String secret) {
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** After each scenario (before the next resets the world), takes every secret value the journal holds. */
    static final class Harvester implements ConcurrentEventListener {
        private final RunContext context;
        private final Set<String> secrets;

        Harvester(RunContext context, Set<String> secrets) {
            this.context = context;
            this.secrets = secrets;
        }

        @Override
        public void setEventPublisher(EventPublisher publisher) {
            publisher.registerHandlerFor(TestCaseFinished.class, event -> harvest(context.target()
                    .map(dev.ssokit.conformance.runtarget.RunTarget::journal).orElseGet(() -> context.world().journal().all())));
        }

        private void harvest(List<Exchange> exchanges) {
            for (Exchange e : exchanges) {
                e.firstRequestHeader("authorization").map(h -> h.split(" ", 2)).filter(p -> p.length == 2)
                        .ifPresent(p -> add(p[1]));
                e.cookiesSent().forEach((name, value) -> addCookie(name, value));
                for (String setCookie : e.responseHeader("set-cookie")) {
                    String[] pair = setCookie.split(";", 2)[0].split("=", 2);
                    addCookie(pair[0].trim(), pair.length > 1 ? pair[1] : "");
                }
                for (String name : SECRET_PARAMETERS) {
                    e.queryParameter(name).ifPresent(this::add);
                    e.formParameter(name).ifPresent(this::add);
                    e.inputValueInResponse(name).ifPresent(this::add);
                }
                if (e.responseBody() != null) {
                    Matcher json = JSON_TOKEN.matcher(e.responseBody());
                    while (json.find()) {
                        add(json.group(2));
                    }
                }
            }
        }

        private void addCookie(String name, String value) {
            if (!name.equals("cc_username") && !name.equals("ssotest")) {
                add(value);
            }
        }

        private void add(String value) {
            if (value != null && value.length() >= 8) {
                secrets.add(value);
            }
        }
    }

}
