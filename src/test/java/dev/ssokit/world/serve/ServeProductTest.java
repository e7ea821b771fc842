package dev.ssokit.world.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.HtmlUnitClient;
import dev.ssokit.conformance.observed.JournalSource;
import dev.ssokit.conformance.observed.ObservedJudgement;
import dev.ssokit.conformance.observed.ObservedJudgement.Result;
import dev.ssokit.model.Agent;
import dev.ssokit.report.Redactor;
import dev.ssokit.world.JournalJson;
import dev.ssokit.world.StubWorld;
import dev.ssokit.world.WorldDescription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve as a product on ephemeral ports: world.json, no admin API, the control API, observed-mode verify. */
class ServeProductTest {
    @TempDir
    static Path temp;
    private static Serve serve;
    private static HttpClient http;
    private static Path root;

    @BeforeAll
    static void start() {
        root = Path.of(System.getProperty("kit.root", ".")).toAbsolutePath();
        ServeOptions options = ServeOptions.ephemeral(root, temp.resolve("world.json"))
                .withState(temp.resolve("state")).withAccessTokenSeconds(40);
        serve = Serve.start(new ServeOptions(options.root(), options.state(), options.worldFile(), false, null, null,
                null, 0, 0, 0, 0, 0, 40, false, 50_000));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(serve.sessions().defaultSession().world().clientTls()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static HttpResponse<String> control(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.controlUrl() + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void worldJsonNamesEverythingAClientNeeds() throws Exception {
        WorldDescription world = WorldDescription.read(serve.worldFile());
        assertThat(world.format()).isEqualTo(WorldDescription.FORMAT);
        assertThat(world.urls().finesse()).startsWith("https://finesse.test:");
        assertThat(world.urls().finesseHttp()).startsWith("http://finesse.test:");
        assertThat(world.urls().lab()).containsKeys("idp.ids.test", "finesse.corp.test", "ccx.test/ids");
        assertThat(Path.of(world.trust().caPem())).exists().isAbsolute();
        assertThat(Files.readString(Path.of(world.trust().caPem()))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(world.trust().pkcs12Alias()).isEqualTo("stub-ca");
        assertThat(world.resolver().hostsFile()).doesNotContain("/./");
        assertThat(world.resolver().chromium()).startsWith("--host-resolver-rules=MAP finesse.test 127.0.0.1");
        assertThat(world.resolver().curl()).contains("--resolve");
        assertThat(world.resolver().java().get(0)).startsWith("-Djdk.net.hosts.file=/");
        assertThat(world.agents()).extracting(WorldDescription.AgentEntry::loginName).contains("sjefferson");
        assertThat(world.toJson()).doesNotContain("Stub-Pass");
        assertThat(world.tokens().accessTokenSeconds()).isEqualTo(40);
        assertThat(Files.getPosixFilePermissions(serve.worldFile())).containsOnly(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(temp.resolve("state/stub-ca.key"))).containsOnly(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theCaPersistsInTheStateFolder() throws Exception {
        String before = Files.readString(temp.resolve("state/stub-ca.pem"));
        try (Serve second = Serve.start(new ServeOptions(root, java.util.Optional.of(temp.resolve("state")),
                temp.resolve("second.json"), true, null, null, null, 0, 0, 0, 0, 0, 0, true, 100))) {
            assertThat(Files.readString(temp.resolve("state/stub-ca.pem"))).isEqualTo(before);
            assertThat(second.token()).isEqualTo(serve.token());
            WorldDescription world = second.describe(second.sessions().defaultSession());
            assertThat(world.topology()).isEqualTo("co-resident");
            assertThat(world.clock()).isEqualTo("wall");
            assertThat(world.urls().finesse()).startsWith("https://ccx.test:");
        }
    }

    @Test
    void noWireMockAdminApiOnTheStubPorts() throws Exception {
        StubWorld world = serve.sessions().defaultSession().world();
        for (URI base : new URI[] {world.finesseBaseUri(), world.baseUri(dev.ssokit.world.StubSystem.IDS)}) {
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(base.resolve("/__admin/mappings"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as(base + "/__admin/mappings").isEqualTo(404);
        }
    }

    @Test
    void theControlApiWantsItsToken() throws Exception {
        assertThat(control("GET", "/world", null, null).statusCode()).isEqualTo(401);
        assertThat(control("GET", "/world", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(control("GET", "/world", null, serve.token()).body()).contains(WorldDescription.FORMAT);
        assertThat(control("POST", "/sessions/default/settings", "{\"noSuchKnob\":1}", serve.token()).body())
                .contains("Unknown setting 'noSuchKnob'");
        assertThat(control("POST", "/sessions/nope/reset", null, serve.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void sessionsKeepTheirOwnSettingsAndJournals() throws Exception {
        HttpResponse<String> opened = control("POST", "/sessions", null, serve.token());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        WorldDescription other = WorldDescription.parse(opened.body());
        try {
            assertThat(control("POST", "/sessions/" + other.session() + "/variant/non-sso", null, serve.token()).body())
                    .contains("\"systemAuthMode\":\"NON_SSO\"");
            assertThat(SettingsKnobs.read(serve.sessions().defaultSession().world().settings()).get("systemAuthMode")
                    .asText()).isEqualTo("SSO");
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(other.urls().finesse()
                    + "/finesse/api/SystemInfo")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.body()).contains("NON_SSO");
            JournalJson.Document journal = JournalSource.fetch(serve.controlUrl(), serve.token(), other.session());
            assertThat(journal.exchanges()).hasSize(1);
            assertThat(serve.sessions().defaultSession().world().journal().all())
                    .noneMatch(e -> e.port() == URI.create(other.urls().finesse()).getPort());
        } finally {
            assertThat(control("DELETE", "/sessions/" + other.session(), null, serve.token()).statusCode()).isEqualTo(200);
        }
    }

    private static ClientSettings clientSettings(StubWorld world, Set<Defect> defects) {
        return new ClientSettings(world.finesseBaseUri(), world.clientTls(), world.clock(), IdpLoginForm.adfs(),
                Duration.ofSeconds(10), defects);
    }

    private static Map<String, Result> judge(ObservedJudgement.Outcome outcome) {
        return outcome.behaviours().stream().collect(Collectors.toMap(ObservedJudgement.Behaviour::requirement,
                ObservedJudgement.Behaviour::result));
    }

    private static ObservedJudgement.Outcome verify() {
        StubWorld world = serve.sessions().defaultSession().world();
        JournalJson.Document journal = JournalSource.fetch(serve.controlUrl(), serve.token(), "default");
        return ObservedJudgement.judge(journal.exchanges(), journal.dropped(), world.directory(), Redactor.standard(), false);
    }

    @Test
    synchronized void observedModeJudgesTheReferenceClientAndCatchesABrokenOne() throws Exception {
        ServeSession session = serve.sessions().defaultSession();
        StubWorld world = session.world();
        session.reset();
        assertThat(verify().verdict()).as("an empty journal is never PASS").isEqualTo("NOT_JUDGED");

        Agent anne = world.directory().require("anne+ops");
        try (HtmlUnitClient client = new HtmlUnitClient(clientSettings(world, Set.of()))) {
            assertThat(client.connect(anne.credentials(), anne.extension()).succeeded()).isTrue();
            world.clock().advance(Duration.ofSeconds(31));
            client.readOwnUser();
        }
        ObservedJudgement.Outcome good = verify();
        Map<String, Result> results = judge(good);
        assertThat(good.verdict()).as(good.behaviours().toString()).isEqualTo("PASS");
        assertThat(results).containsEntry("P1", Result.PASS).containsEntry("F3", Result.PASS)
                .containsEntry("J1", Result.PASS).containsEntry("J2", Result.PASS).containsEntry("F5", Result.PASS)
                .containsEntry("P6", Result.PASS).containsEntry("F10", Result.NOT_JUDGED);

        control("POST", "/sessions/default/reset", null, serve.token());
        try (HtmlUnitClient client = new HtmlUnitClient(clientSettings(world, Set.of(Defect.RAW_CC_USERNAME)))) {
            client.connect(anne.credentials(), anne.extension());
        }
        ObservedJudgement.Outcome broken = verify();
        assertThat(broken.verdict()).isEqualTo("FAIL");
        assertThat(judge(broken)).containsEntry("F3", Result.FAIL);
        assertThatThrownBy(() -> JournalSource.fetch(serve.controlUrl(), "wrong-token", "default"))
                .hasMessageContaining("refused the token");
    }
}
