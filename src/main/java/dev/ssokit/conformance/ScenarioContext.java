package dev.ssokit.conformance;

import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.conformance.checks.Check;
import dev.ssokit.conformance.checks.CheckResult;
import dev.ssokit.conformance.checks.Evidence;
import dev.ssokit.conformance.checks.Verdicts;
import dev.ssokit.model.Agent;
import dev.ssokit.model.Outcome;
import dev.ssokit.report.Redactor;
import dev.ssokit.contract.ExchangeRecorder;
import dev.ssokit.contract.FinesseContract;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.StubWorld;
import java.util.List;
import java.util.Optional;

/**
 * One scenario's state, made fresh for each: the stub world reset to defaults, the client under test (made on
 * first use), the last failure the client reported, and the checks' verdicts.
 */
public final class ScenarioContext implements AutoCloseable {
    private final RunContext run;
    private final Redactor redactor;
    private final Verdicts verdicts;
    private ClientUnderTest client;
    private ClientUnderTest referenceClient;
    private FinesseContract contract;
    private final ExchangeRecorder restExchanges = new ExchangeRecorder();
    private String lastFailure;
    private String requirement = "?";
    private dev.ssokit.client.Limits clientLimits;
    private java.net.URI clientFinesse;

    public ScenarioContext(RunContext run) {
        this.run = run;
        java.util.List<Agent> agents;
        if (run.target().isPresent()) {
            run.target().get().reset();
            agents = run.target().get().agents();
        } else {
            run.world().reset();
            agents = run.world().directory().agents();
        }
        this.redactor = run.config().redactor().withKnownSecrets(
                agents.stream().map(agent -> agent.password().reveal()).toList());
        this.verdicts = new Verdicts(redactor);
    }

    public StubWorld world() {
        return run.world();
    }

    public KitConfig config() {
        return run.config();
    }

    public ClientUnderTest client() {
        if (client == null) {
            client = run.newClient(run.config().clientDefects(), run.config().clientVariants(), clientLimits, clientFinesse);
        }
        return client;
    }

    /** Limits for the client under test (robustness scenarios set short ones); before the client is made. */
    public void clientLimits(dev.ssokit.client.Limits limits) {
        requireNoClientYet("limits");
        this.clientLimits = limits;
    }

    /** The Finesse base URI the client under test is given (S2: an http:// one); before the client is made. */
    public void clientFinesse(java.net.URI finesse) {
        requireNoClientYet("Finesse URL");
        this.clientFinesse = finesse;
    }

    /** HtmlUnit's start-up paid once per run, before the first scenario with short client limits. */
    public void warmUpClient() {
        requireNoClientYet("warm-up");
        run.warmUpClient();
    }

    private void requireNoClientYet(String what) {
        if (client != null) {
            throw new IllegalStateException("The client's " + what + " must be set before its first step: put that "
                    + "Given before any step that uses the client");
        }
    }

    public boolean hasClient() {
        return client != null;
    }

    /** The reference client, whatever client is under test: contract scenarios use it to get tokens. */
    public ClientUnderTest referenceClient() {
        if (referenceClient == null) {
            referenceClient = run.newClient(java.util.Set.of());
        }
        return referenceClient;
    }

    /** The REST Assured probes of the target's response shapes. */
    public FinesseContract contract() {
        if (contract == null) {
            contract = run.target().map(t -> new FinesseContract(t.finesse(), t.ids(), t.probeTrust(), restExchanges))
                    .orElseGet(() -> new FinesseContract(world().finesseBaseUri(), world().baseUri(StubSystem.IDS),
                            world().tls().trustKeyStore(), restExchanges));
        }
        return contract;
    }

    public List<String> restExchanges() {
        return restExchanges.exchanges();
    }

    /** The body of the last token JSON Finesse answered (what the client parsed), as the stubs sent it. */
    public Optional<String> lastTokenResponseBody() {
        List<Exchange> answers = journal().stream().filter(e -> e.path().equals("/desktop/sso/token")
                && e.status() == 200 && e.responseBody() != null).toList();
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1).responseBody());
    }

    public Agent agent(String loginName) {
        if (run.target().isPresent()) {
            return run.target().get().agents().stream().filter(a -> a.isKnownAs(loginName)).findFirst()
                    .orElseThrow(() -> new org.opentest4j.TestAbortedException("skipped: " + run.target().get()
                            .describe() + " has no agent '" + loginName + "': add one with that loginName under "
                            + "agents: in the target file to run this scenario"));
        }
        return world().directory().require(loginName);
    }

    /** What crossed the wire in this scenario: the stub world's journal, or the target's (a lab: the proxy's). */
    public List<Exchange> journal() {
        return run.target().map(dev.ssokit.conformance.runtarget.RunTarget::journal).orElseGet(() -> world().journal().all());
    }

    /** The target the run talks to; empty: the embedded stub world. */
    public Optional<dev.ssokit.conformance.runtarget.RunTarget> target() {
        return run.target();
    }

    /** Keeps what an operation reported, so a negative scenario can judge the failure. */
    public <T> Outcome<T> remember(Outcome<T> outcome) {
        lastFailure = outcome.failure();
        return outcome;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public Evidence evidence() {
        return new Evidence(journal(),
                client == null ? Optional.empty() : client.currentToken(),
                client == null ? Optional.empty() : client.loginId(), lastFailure());
    }

    public CheckResult check(Check check) {
        return verdicts.require(check, this::evidence);
    }

    /** The requirement ID the scenario tests (its first @req tag), for the generic checks of the catalogue. */
    public String requirement() {
        return requirement;
    }

    public void requirement(String id) {
        this.requirement = id;
    }

    public Verdicts verdicts() {
        return verdicts;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** Why the client under test cannot run a scenario that needs this capability (its manifest says); empty: it can. */
    public Optional<String> lacking(dev.ssokit.client.Capability capability) {
        return run.lacking(capability).map(reason -> run.clientId() + " lacks " + capability.id() + " ("
                + capability.meaning() + "): " + reason);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (referenceClient != null) {
            referenceClient.close();
            referenceClient = null;
        }
    }

    /** True when the run replays a lab recording (--target replay:DIR). */
    public boolean replaying() {
        return run.replaying();
    }
}
