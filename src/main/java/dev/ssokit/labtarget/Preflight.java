package dev.ssokit.labtarget;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What must hold before the first scenario runs against a lab: the secrets are present, the names resolve, TLS
 * trust holds against the target's bundle, SystemInfo answers with XML, and each agent's UserAuthMode answers.
 * It returns every problem found, each with its fix; an empty list means the lab is ready.
 */
public final class Preflight {
    private final LabTarget target;
    private final Function<String, String> environment;
    private final Duration timeout;
    private final List<PreflightProblem> problems = new ArrayList<>();

    private Preflight(LabTarget target, Function<String, String> environment, Duration timeout) {
        this.target = target;
        this.environment = environment;
        this.timeout = timeout;
    }

    /** Loads the target's trust bundle and runs every check. */
    public static List<PreflightProblem> run(LabTarget target, Function<String, String> environment, Duration timeout) {
        Preflight preflight = new Preflight(target, environment, timeout);
        TrustBundle trust;
        try {
            trust = TrustBundle.load(target.trust(), environment);
        } catch (IllegalArgumentException e) {
            preflight.secrets();
            preflight.problems.add(new PreflightProblem("trust", e.getMessage(),
                    "fix trust: in " + target.file()));
            return List.copyOf(preflight.problems);
        }
        return preflight.all(trust);
    }

    /** Runs every check with an already loaded trust bundle. */
    public static List<PreflightProblem> run(LabTarget target, TrustBundle trust, Function<String, String> environment,
                                             Duration timeout) {
        return new Preflight(target, environment, timeout).all(trust);
    }

    private List<PreflightProblem> all(TrustBundle trust) {
        secrets();
        Set<String> reachable = new LinkedHashSet<>();
        for (URI url : target.urls()) {
            if (resolves(url.getHost())) {
                Optional<PreflightProblem> tls = TlsProbe.check(url, trust, timeout);
                tls.ifPresent(problems::add);
                if (tls.isEmpty()) {
                    reachable.add(url.getAuthority());
                }
            }
        }
        if (reachable.contains(target.finesse().getAuthority())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(trust.sslContext()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(timeout).build();
            systemInfo(client);
            for (LabTarget.Agent agent : target.agents()) {
                userAuthMode(client, agent);
            }
        }
        return List.copyOf(problems);
    }

    private void secrets() {
        for (int i = 0; i < target.agents().size(); i++) {
            SecretRef password = target.agents().get(i).password();
            if (password.resolve(environment).isEmpty()) {
                problems.add(new PreflightProblem("secret agents[" + i + "].password", "no password for agent '"
                        + target.agents().get(i).loginName() + "' at " + password, password.fix()));
            }
        }
        target.trust().password().filter(ref -> ref.resolve(environment).isEmpty()).ifPresent(ref -> problems.add(
                new PreflightProblem("secret trust.password", "no trust store password at " + ref, ref.fix())));
    }

    private boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            problems.add(new PreflightProblem("dns " + host, host + " does not resolve (" + target.file() + ")",
                    "check the host name in the target file, the DNS server or /etc/hosts; use the name the lab's "
                            + "certificate gives, not an IP address"));
            return false;
        }
    }

    private void systemInfo(HttpClient client) {
        URI uri = target.finesse().resolve("/finesse/api/SystemInfo");
        fetch(client, uri, "systeminfo").ifPresent(response -> {
            String type = response.headers().firstValue("content-type").orElse("");
            if (response.statusCode() != 200 || !type.contains("xml") || !response.body().contains("<SystemInfo")) {
                problems.add(new PreflightProblem("systeminfo", "GET " + uri + " answered " + response.statusCode()
                        + " " + (type.isEmpty() ? "without a content type" : type) + ", not SystemInfo XML",
                        "check finesse.primary in " + target.file() + " names the Finesse server (port 8445 on "
                                + "most deployments) and that Finesse is in service"));
            }
        });
    }

    private void userAuthMode(HttpClient client, LabTarget.Agent agent) {
        URI uri = target.finesse().resolve("/finesse/api/UserAuthMode/"
                + URLEncoder.encode(agent.loginName(), StandardCharsets.UTF_8).replace("+", "%20"));
        fetch(client, uri, "userauthmode " + agent.loginName()).ifPresent(response -> {
            if (response.statusCode() != 200 || !response.body().contains("<authMode>")) {
                problems.add(new PreflightProblem("userauthmode " + agent.loginName(), "GET " + uri + " answered "
                        + response.statusCode() + ", not <UserAuthMode><authMode>",
                        response.statusCode() == 403 ? "on Finesse: utils finesse set_property webservices "
                                + "enableUserAuthMode true" : "check the agent's loginName in " + target.file()
                                + " (a 404 means Finesse does not know that user)"));
            }
        });
    }

    private Optional<HttpResponse<String>> fetch(HttpClient client, URI uri, String check) {
        try {
            return Optional.of(client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            problems.add(new PreflightProblem(check, "GET " + uri + " failed (" + e.getMessage() + ")",
                    "check that the lab is reachable from this machine"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new PreflightProblem(check, "interrupted while waiting for " + uri, "run the preflight again"));
        }
        return Optional.empty();
    }
}
