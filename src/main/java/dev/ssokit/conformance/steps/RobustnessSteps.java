package dev.ssokit.conformance.steps;

import dev.ssokit.client.Limits;
import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureNoCredentialsAfterUnreadableAnswer;
import dev.ssokit.conformance.checks.EnsureNoCredentialsOverPlainHttp;
import dev.ssokit.conformance.checks.EnsureNoMixedContent;
import dev.ssokit.conformance.checks.EnsurePasswordStaysWithLoginOrigin;
import dev.ssokit.conformance.checks.EnsureStoppedWithReport;
import dev.ssokit.conformance.checks.Target;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.hostile.HostileLab;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The robustness catalogue (features/robustness): hostile answers on the stub world's servers, hostile servers of
 * their own, the client's limits as settings, and the checks that the client stopped with a clear report and
 * that credentials went only where they belong.
 */
public final class RobustnessSteps {
    private final ScenarioContext scenario;
    private URI hostileServer;

    public RobustnessSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    private HostileLab lab() {
        return scenario.world().hostile();
    }

    private static StubSystem system(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "finesse" -> StubSystem.FINESSE;
            case "ids" -> StubSystem.IDS;
            case "idp" -> StubSystem.IDP;
            default -> throw new IllegalArgumentException("Unknown system '" + name + "': Finesse, IdS or IdP");
        };
    }

    /** "${idp.ids}/adfs/ls/" -> the world's URI for that lab host; anything else as written. */
    private String resolve(String address) {
        if (!address.startsWith("${")) {
            return address;
        }
        int end = address.indexOf('}') + 1;
        return scenario.world().labUri(address.substring(0, end), address.substring(end)).toString();
    }

    @Given("the client's limits are:")
    public void limits(Map<String, String> limits) {
        scenario.warmUpClient();
        scenario.clientLimits(Limits.defaults().with(limits));
    }

    @Given("the client's Finesse URL is the plain http one")
    public void plainHttpFinesse() {
        scenario.clientFinesse(scenario.world().finesseHttpBaseUri());
    }

    @Given("{word} answers {string} with HTTP {int} {string}:")
    public void answers(String system, String path, int status, String contentType, String body) {
        lab().answer(system(system), path, status, contentType, resolveAll(body));
    }

    @Given("{word} answers {string} with {int} KiB of {string} as {string}")
    public void oversized(String system, String path, int kib, String unit, String contentType) {
        lab().oversized(system(system), path, contentType, unit, kib * 1024);
    }

    @Given("{word} stalls {int} ms before answering {string}")
    public void stalls(String system, int millis, String path) {
        lab().stall(system(system), path, Duration.ofMillis(millis));
    }

    @Given("{word} dribbles a {int} KiB page at {string} in {int} chunks over {int} ms")
    public void dribbles(String system, int kib, String path, int chunks, int millis) {
        lab().dribble(system(system), path, "text/html;charset=utf-8", "<html><body>" + "x".repeat(kib * 1024)
                + "</body></html>", chunks, Duration.ofMillis(millis));
    }

    @Given("{word} {socketFault} on {string}")
    public void fault(String system, HostileLab.SocketFault fault, String path) {
        lab().fault(system(system), path, fault);
    }

    @Given("{word} redirects {string} to {string}")
    public void redirects(String system, String path, String location) {
        lab().redirect(system(system), path, 302, resolve(location));
    }

    @Given("the IdP login page's form posts to {string}")
    public void loginFormPostsTo(String action) {
        lab().answer(StubSystem.IDP, "/adfs/ls/", 200, "text/html;charset=utf-8", "<!DOCTYPE html><html><head>"
                + "<title>Sign In</title></head><body><form method=\"post\" id=\"loginForm\" action=\""
                + resolve(action) + "\"><input id=\"userNameInput\" name=\"UserName\" type=\"email\" value=\"\"/>"
                + "<input id=\"passwordInput\" name=\"Password\" type=\"password\"/><input id=\"submitButton\" "
                + "type=\"submit\" value=\"Sign in\"/></form></body></html>");
    }

    @Given("a hostile server on {string} that {rawBody}")
    public void rawServer(String host, HostileLab.RawBody body) {
        hostileServer = lab().rawPage(body, host);
    }

    @Given("a server on {string} with {tlsFault}")
    public void badTls(String host, HostileLab.TlsFault fault) {
        hostileServer = lab().badTls(fault, host);
    }

    @Given("a port on {string} where nothing listens")
    public void closedPort(String host) {
        hostileServer = lab().closedPort(host);
    }

    @Given("a host name {string} that does not resolve")
    public void unresolvable(String host) {
        hostileServer = URI.create("https://" + host + ":8443");
    }

    @When("the client opens {string} on that server")
    public void opensOnHostileServer(String path) {
        if (hostileServer == null) {
            throw new IllegalStateException("No hostile server: a Given must start one first");
        }
        scenario.remember(scenario.client().browse(hostileServer.resolve(path)));
    }

    @Then("the client stopped with a report naming {string}")
    public void stoppedWithReport(String words) {
        String port = hostileServer == null ? "" : String.valueOf(hostileServer.getPort());
        scenario.check(new EnsureStoppedWithReport(scenario.requirement(), Arrays.stream(words.split(",\\s*"))
                .map(w -> w.replace("<port>", port)).toList()));
    }

    @Then("the IdP password went only over https to the origin of the login page")
    public void passwordStayed() {
        scenario.check(new EnsurePasswordStaysWithLoginOrigin("Password"));
    }

    @Then("no credentials travelled over plain http")
    public void noCleartextCredentials() {
        scenario.check(new EnsureNoCredentialsOverPlainHttp());
    }

    @Then("the https page {string} opened no plain http or ws connection under {string}")
    public void noMixedContent(String page, String prefix) {
        scenario.check(new EnsureNoMixedContent(Target.parse(page), prefix));
    }

    @Then("no credentials went out after the unreadable answer from {string}")
    public void noCredentialsAfterUnreadable(String pathPrefix) {
        scenario.check(new EnsureNoCredentialsAfterUnreadableAnswer(pathPrefix, "Password"));
    }

    /** Placeholders like ${finesse-http} anywhere in a body: the world's lab links, as the lab pages use them. */
    private String resolveAll(String body) {
        return scenario.world().resolveLinks(body);
    }
}
