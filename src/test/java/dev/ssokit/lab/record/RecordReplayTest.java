package dev.ssokit.lab.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.MainJob;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.labtarget.TargetLoader;
import dev.ssokit.report.ConformanceSummary;
import dev.ssokit.report.RunVerdict;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record -> replay with a stub world on loopback as "the lab" (a temp target file, its CA as trust, the password in a
 * file): the mappings exist, the canary finds none of the secrets that crossed the wire (nor the lab's host names) in
 * them, and the flow scenarios tagged @replay pass against the replay while every other one is skipped with a reason.
 */
class RecordReplayTest {
    private static final Pattern JSON_SECRET = Pattern.compile("\"(token|refresh_token)\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SECRET_PARAMETERS = List.of("code", "SAMLRequest", "SAMLResponse",
            "RelayState", "uniqueId", "token", "refresh-token", "Password", "state");

    @TempDir
    Path temp;

    @Test
    void recordsWithoutSecretsAndTheReplayRunsTheFlow() throws Exception {
        Path out = temp.resolve("recording");
        Set<String> secrets = new LinkedHashSet<>();
        try (StubWorld lab = StubWorld.start(LabFixture.kitStubs())) {
            LabSide side = LabSide.of(TargetLoader.load(LabFixture.target(lab, temp)), name -> null);
            Recorder.Result result = Recorder.record(side, LabFixture.kitStubs(), out, Duration.ofSeconds(20));
            assertThat(result.failures()).isEmpty();
            assertThat(result.steps()).contains("token: ok", "User lookup: ok", "API call: ok", "refresh: HTTP 200");
            harvest(lab.journal().all(), secrets);
            secrets.add(LabFixture.PASSWORD);
            for (StubSystem system : StubSystem.values()) {
                secrets.add(lab.baseUri(system).getHost());
                secrets.add(lab.baseUri(system).getRawAuthority());
            }
        }
        assertThat(out.resolve("finesse/mappings")).isDirectory();
        assertThat(out.resolve("ids/mappings")).isDirectory();
        assertThat(out.resolve("idp/mappings")).isDirectory();
        assertThat(secrets).as("secrets harvested from the lab's wire").hasSizeGreaterThan(10);
        assertThat(leaks(out, secrets)).as("secrets or lab host names in the recording").isEmpty();

        Path root = LabFixture.kitRoot(temp);
        KitConfig config = KitConfig.defaults(root);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConformanceSummary summary;
        try (RunContext context = RunContext.replaying(config, Replay.stubs(Replay.folder("replay:" + out),
                config.stubs()))) {
            summary = MainJob.run(context, MainJob.FLOW_FEATURES.stream().map(config.features()::resolve).toList(),
                    null, new PrintStream(console, true, StandardCharsets.UTF_8));
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(summary.failedScenarios()).as(printed).isZero();
        assertThat(summary.erroredScenarios()).as(printed).isZero();
        assertThat(summary.outcomes()).as(printed).filteredOn(o -> !o.result().equals("skipped"))
                .hasSize(8).allSatisfy(o -> assertThat(o.result()).isIn("pass", "warn", "info"));
        assertThat(summary.outcomes()).filteredOn(o -> o.result().equals("skipped")).isNotEmpty()
                .allSatisfy(o -> assertThat(String.join(" ", o.messages())).contains("replay"));
        assertThat(summary.verdict().verdict()).isEqualTo(RunVerdict.Word.PASS);
    }

    private static void harvest(List<Exchange> exchanges, Set<String> secrets) {
        for (Exchange e : exchanges) {
            e.firstRequestHeader("authorization").map(h -> h.split(" ", 2)).filter(p -> p.length == 2)
                    .ifPresent(p -> add(secrets, p[1]));
            e.cookiesSent().forEach((name, value) -> add(secrets, name.equals("cc_username") ? null : value));
            for (String setCookie : e.responseHeader("set-cookie")) {
                String[] pair = setCookie.split(";", 2)[0].split("=", 2);
                add(secrets, pair.length > 1 ? pair[1] : null);
            }
            for (String name : SECRET_PARAMETERS) {
                e.queryParameter(name).ifPresent(v -> add(secrets, v));
                e.formParameter(name).ifPresent(v -> add(secrets, v));
                e.inputValueInResponse(name).ifPresent(v -> add(secrets, v));
            }
            if (e.responseBody() != null) {
                Matcher json = JSON_SECRET.matcher(e.responseBody());
                while (json.find()) {
                    add(secrets, json.group(2));
                }
            }
        }
    }

    private static void add(Set<String> secrets, String value) {
        if (value != null && value.length() >= 8) {
            secrets.add(value);
        }
    }

    private static List<String> leaks(Path out, Set<String> secrets) throws Exception {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                            Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                        if (text.toLowerCase().contains(form.toLowerCase())) {
                            leaks.add(out.relativize(file) + " holds " + form.substring(0, Math.min(6, form.length()))
                                    + "…");
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
