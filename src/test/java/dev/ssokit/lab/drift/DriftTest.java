package dev.ssokit.lab.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.lab.record.FlowCapture;
import dev.ssokit.lab.record.LabSide;
import dev.ssokit.labtarget.TargetLoader;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift with a stub world on loopback as "the lab" (its own CA, a temp target file, the password in a file): the
 * unchanged world shows no drift; with ONE answer changed (SystemInfo without its ctiVersion element) exactly that
 * one difference is printed.
 */
class DriftTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void anUnchangedWorldHasNoDriftAndOneChangedAnswerIsTheOneDifference() throws Exception {
        Path stubs = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath().resolve("stubs");
        FlowCapture.Capture embedded;
        try (StubWorld world = StubWorld.start(stubs)) {
            embedded = FlowCapture.capture(LabSide.of(world), stubs, TIMEOUT);
        }
        try (StubWorld lab = StubWorld.start(stubs)) {
            LabSide side = LabSide.of(TargetLoader.load(target(lab)), name -> null);
            assertThat(print(FlowCapture.capture(side, stubs, TIMEOUT), embedded))
                    .singleElement().asString().startsWith("drift: no drift between stub-lab and the embedded stubs (");

            HttpResponse<String> systemInfo = HttpClient.newBuilder().sslContext(lab.clientTls()).build().send(
                    HttpRequest.newBuilder(lab.baseUri(StubSystem.FINESSE).resolve("/finesse/api/SystemInfo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String changed = systemInfo.body().replaceAll("<ctiVersion>[^<]*</ctiVersion>", "");
            assertThat(changed).isNotEqualTo(systemInfo.body());
            lab.hostile().answer(StubSystem.FINESSE, "/finesse/api/SystemInfo", 200,
                    systemInfo.headers().firstValue("content-type").orElseThrow(), changed);
            assertThat(print(FlowCapture.capture(side, stubs, TIMEOUT), embedded)).containsExactly(
                    "drift: 1 difference(s) between stub-lab (lab) and the embedded stubs:",
                    "  Finesse GET /finesse/api/SystemInfo: element SystemInfo/ctiVersion: in the stubs, not on the lab");
        }
    }

    private static List<String> print(FlowCapture.Capture lab, FlowCapture.Capture stubs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Drift.report(lab, stubs, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path target(StubWorld lab) throws Exception {
        Path secret = Files.writeString(temp.resolve("agent-password"), "Stub-Pass-98411\n");
        return Files.writeString(temp.resolve("stub-lab.yaml"), String.join("\n",
                "name: stub-lab",
                "finesse:",
                "  primary: " + lab.baseUri(StubSystem.FINESSE),
                "ids:",
                "  url: " + lab.baseUri(StubSystem.IDS),
                "deployment: UCCE",
                "idp:",
                "  preset: adfs",
                "agents:",
                "  - loginName: sjefferson",
                "    idpLoginName: sjefferson",
                "    extension: \"98411\"",
                "    password: file:" + secret.toAbsolutePath(),
                "trust:",
                "  pem: " + lab.tls().caPem().toAbsolutePath(),
                ""));
    }
}
