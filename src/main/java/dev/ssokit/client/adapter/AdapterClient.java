package dev.ssokit.client.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.ForeignTarget;
import dev.ssokit.client.Hop;
import dev.ssokit.client.PageReport;
import dev.ssokit.client.SignedIn;
import dev.ssokit.client.SystemReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.UsernameCarrier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A partner's client behind the client-under-test seam: each operation becomes one request to the adapter command
 * of its manifest (docs/adapter-protocol.md), and the small JSON answer becomes the operation's outcome. The
 * checks judge from the stub world's journal, as for the reference client; this class only relays.
 */
public final class AdapterClient implements ClientUnderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdapterManifest manifest;
    private final ForeignTarget target;
    private final AdapterProcess process;
    private final AdapterState state = new AdapterState();

    /**
     * @param placeholders values for ${...} in the manifest's command besides ${manifestDir}, e.g. ${java} and
     *                     ${kitClasspath} (the kit's own classpath, for the Java reference adapter)
     */
    public AdapterClient(AdapterManifest manifest, ForeignTarget target, Map<String, String> placeholders) {
        this.manifest = manifest;
        this.target = target;
        List<String> command = manifest.command().stream().map(part -> expand(part, placeholders)).toList();
        this.process = new AdapterProcess(manifest, command, target.workDirectory(), target.deadline());
    }

    private String expand(String part, Map<String, String> placeholders) {
        String expanded = part.replace("${manifestDir}", manifest.directory().toString())
                .replace("${hostsFile}", target.hostsFile().toString());
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            expanded = expanded.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return expanded;
    }

    public AdapterManifest manifest() {
        return manifest;
    }

    @Override
    public String id() {
        return manifest.name();
    }

    private ObjectNode request(String operation) {
        ObjectNode request = JSON.createObjectNode();
        request.put("protocol", 1);
        request.put("operation", operation);
        request.put("finesse", target.finesseBaseUri().toString());
        request.put("caFile", target.caPem().toString());
        request.put("hostsFile", target.hostsFile().toString());
        target.hosts().forEach(request.putArray("hosts")::add);
        target.curlResolve().forEach(request.putArray("resolve")::add);
        request.put("hostResolverRules", target.hostResolverRules());
        request.put("stateDir", target.workDirectory().toString());
        request.put("now", target.clock().instant().getEpochSecond());
        request.put("deadlineSeconds", target.deadline().toSeconds());
        return request;
    }

    /** One operation: the answer, or the failure it reports (its own, or the kit's when it could not be run). */
    private <T> Outcome<T> run(ObjectNode request, Function<JsonNode, T> value) {
        String operation = request.path("operation").asText();
        JsonNode answer;
        try {
            answer = process.call(operation, request);
        } catch (AdapterProcess.AdapterFailure e) {
            return Outcome.failed(e.getMessage());
        }
        state.absorb(answer);
        if (answer.hasNonNull("unsupported")) {
            return Outcome.failed("the client does not support " + operation + ": " + answer.get("unsupported").asText()
                    + " (declare it under \"lacks\" in the manifest so such scenarios are skipped)");
        }
        if (answer.hasNonNull("failure")) {
            return Outcome.failed(answer.get("failure").asText());
        }
        try {
            return Outcome.ok(value.apply(answer));
        } catch (RuntimeException e) {
            return Outcome.failed("the adapter's answer to " + operation + " is incomplete: " + e.getMessage());
        }
    }

    private static String text(JsonNode answer, String field) {
        JsonNode node = answer.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new IllegalArgumentException("it has no \"" + field + "\"");
        }
        return node.asText();
    }

    private static ApiReply reply(JsonNode answer) {
        return new ApiReply(answer.path("status").asInt(0), answer.path("contentType").asText(""),
                answer.path("body").asText(""));
    }

    private static ObjectNode withCredentials(ObjectNode request, Credentials credentials) {
        request.put("username", credentials.username());
        request.put("idpUsername", credentials.idpLoginName()); // the IdP login name (8.8); the username by default
        request.put("password", credentials.password().reveal());
        return request;
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        return run(request("system-auth-mode"), a -> new SystemReport(AuthMode.parse(text(a, "systemAuthMode")),
                DeploymentType.parse(text(a, "deploymentType"))));
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        ObjectNode request = request("user-auth-mode");
        request.put("username", username);
        return run(request, a -> AuthMode.parse(text(a, "authMode")));
    }

    @Override
    public Outcome<dev.ssokit.model.TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        ObjectNode request = withCredentials(request("acquire-token"), credentials);
        request.put("carrier", carrier == UsernameCarrier.COOKIE ? "cookie" : "query");
        return run(request, a -> state.token().orElseThrow(() -> new IllegalArgumentException("it has no \"token\"")));
    }

    @Override
    public Outcome<String> resolveLoginId() {
        return run(request("resolve-login-id"), a -> text(a, "loginId"));
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        ObjectNode request = request("sign-in");
        request.put("extension", extension);
        return run(request, AdapterClient::reply);
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        return run(request("read-user"), AdapterClient::reply);
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        ObjectNode request = withCredentials(request("connect"), credentials);
        request.put("extension", extension);
        return run(request, a -> new SignedIn(AuthMode.parse(text(a, "authenticatedWith")), text(a, "loginId"),
                a.path("status").asInt(0)));
    }

    @Override
    public void timePassed() {
        run(request("time-passed"), a -> Boolean.TRUE);
    }

    @Override
    public Outcome<PageReport> browse(URI url) {
        ObjectNode request = request("browse");
        request.put("url", url.toString());
        return run(request, a -> new PageReport(text(a, "finalUrl"), a.path("status").asInt(0),
                a.path("contentType").asText(""), a.path("title").asText("")));
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        ObjectNode request = request("get-api");
        request.put("path", path);
        return run(request, AdapterClient::reply);
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        return run(request("sso-test"), a -> {
            if (!a.has("ssoTestPassed")) {
                throw new IllegalArgumentException("it has no \"ssoTestPassed\"");
            }
            return a.get("ssoTestPassed").asBoolean();
        });
    }

    @Override
    public void restart() {
        run(request("restart"), a -> Boolean.TRUE);
    }

    @Override
    public List<String> cookieJar() {
        return state.cookieJar();
    }

    @Override
    public List<Hop> hops() {
        return state.hops();
    }

    @Override
    public Optional<dev.ssokit.model.TokenSet> currentToken() {
        return state.token();
    }

    @Override
    public Optional<String> loginId() {
        return state.loginId();
    }

    /** What the adapter printed besides its answers (stderr, stray stdout), raw: redact before showing it. */
    @Override
    public List<String> processLog() {
        return new ArrayList<>(process.log());
    }

    @Override
    public void close() {
        process.close();
    }
}
