package dev.ssokit.client.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.IdpLoginForm;
import dev.ssokit.client.browser.HtmlUnitClient;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The reference client behind the adapter protocol, in session mode: one JSON request per line on stdin, one JSON
 * answer per line on stdout. It proves the protocol carries everything the checks need: run through it, the
 * reference client must get the verdict of the built-in run.
 * {@code java -Djdk.net.hosts.file=stubs/hosts -cp target/finesse-sso-kit.jar dev.ssokit.client.adapter.ReferenceAdapter}
 */
public final class ReferenceAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestClock clock = new RequestClock();
    private ClientUnderTest client;

    public static void main(String[] args) throws IOException {
        new ReferenceAdapter().serve(System.in, System.out);
    }

    void serve(InputStream in, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode answer;
                try {
                    answer = answer(JSON.readTree(line));
                } catch (IOException | RuntimeException e) {
                    answer = JSON.createObjectNode().put("failure", "the reference adapter could not serve the request: "
                            + e.getMessage());
                }
                out.println(JSON.writeValueAsString(answer));
                out.flush();
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private ObjectNode answer(JsonNode request) throws IOException {
        clock.now = Instant.ofEpochSecond(request.path("now").asLong());
        if (client == null) {
            client = new HtmlUnitClient(new ClientSettings(URI.create(request.path("finesse").asText()),
                    trusting(Path.of(request.path("caFile").asText())), clock, IdpLoginForm.adfs(), Duration.ofSeconds(10),
                    Set.of()));
        }
        ObjectNode answer = JSON.createObjectNode();
        Credentials credentials = new Credentials(request.path("username").asText(""),
                Secret.of(request.path("password").asText("")), request.path("idpUsername").asText(null));
        Outcome<?> outcome = switch (request.path("operation").asText()) {
            case "system-auth-mode" -> put(answer, client.readSystemAuthMode(), (a, v) -> a
                    .put("systemAuthMode", v.systemAuthMode().name()).put("deploymentType", v.deploymentType().name()));
            case "user-auth-mode" -> put(answer, client.readUserAuthMode(request.path("username").asText()),
                    (a, v) -> a.put("authMode", v.name()));
            case "acquire-token" -> client.acquireToken(credentials,
                    "cookie".equals(request.path("carrier").asText()) ? UsernameCarrier.COOKIE : UsernameCarrier.QUERY);
            case "resolve-login-id" -> client.resolveLoginId();
            case "sign-in" -> put(answer, client.signInToExtension(request.path("extension").asText()), ReferenceAdapter::reply);
            case "read-user" -> put(answer, client.readOwnUser(), ReferenceAdapter::reply);
            case "get-api" -> put(answer, client.getFinesseApi(request.path("path").asText()), ReferenceAdapter::reply);
            case "connect" -> put(answer, client.connect(credentials, request.path("extension").asText()), (a, v) -> a
                    .put("authenticatedWith", v.authenticatedWith().name()).put("status", v.signInStatus()));
            case "browse" -> put(answer, client.browse(URI.create(request.path("url").asText())), (a, v) -> a
                    .put("finalUrl", v.finalUrl()).put("status", v.status()).put("contentType", v.contentType())
                    .put("title", v.title()));
            case "sso-test" -> put(answer, client.runSsoTest(), (a, v) -> a.put("ssoTestPassed", v));
            case "time-passed" -> {
                client.timePassed();
                yield Outcome.ok(true);
            }
            case "restart" -> {
                client.restart();
                yield Outcome.ok(true);
            }
            default -> Outcome.failed("unknown operation " + request.path("operation").asText());
        };
        if (!outcome.succeeded()) {
            answer.put("failure", outcome.failure());
        }
        TokenSet token = client.currentToken().orElse(null);
        if (token == null) {
            answer.putNull("token");
        } else {
            answer.putObject("token").put("accessToken", token.accessToken().reveal())
                    .put("refreshToken", token.hasRefreshToken() ? token.refreshToken().reveal() : "")
                    .put("expiresIn", token.expiresInSeconds()).put("userId", token.userId()).put("realm", token.realm())
                    .put("userPrincipal", token.userPrincipal()).put("obtainedAt", token.obtainedAt().getEpochSecond());
        }
        client.loginId().ifPresent(id -> answer.put("loginId", id));
        client.cookieJar().forEach(answer.putArray("cookieJar")::add);
        return answer;
    }

    private static <T> Outcome<T> put(ObjectNode answer, Outcome<T> outcome,
                                      java.util.function.BiConsumer<ObjectNode, T> write) {
        if (outcome.succeeded()) {
            write.accept(answer, outcome.value());
        }
        return outcome;
    }

    private static void reply(ObjectNode answer, ApiReply reply) {
        answer.put("status", reply.status()).put("contentType", reply.contentType()).put("body", reply.body());
    }

    private static SSLContext trusting(Path caPem) throws IOException {
        try (var pem = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot trust " + caPem + ": " + e.getMessage(), e);
        }
    }

    /** The target's clock as each request states it ("now"): the client's timers read it. */
    private static final class RequestClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
