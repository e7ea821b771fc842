package dev.ssokit.conformance.runtarget;

import dev.ssokit.lab.RecordingProxy;
import dev.ssokit.labtarget.LabTarget;
import dev.ssokit.labtarget.Preflight;
import dev.ssokit.labtarget.PreflightProblem;
import dev.ssokit.labtarget.TrustBundle;
import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.Secret;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A lab described by a target file, reached through the {@link RecordingProxy}: the client trusts the proxy's CA
 * for this run, the proxy trusts the lab's bundle only, and what crossed it is the scenario's journal. What a lab
 * cannot do (stub control, a virtual clock, the catalogue's lab pages, hostile servers) it declares lacking.
 */
public final class LabRunTarget implements RunTarget {
    private final LabTarget lab;
    private final Function<String, String> environment;
    private final Duration timeout;
    private final boolean realTimeRefresh;
    private TrustBundle trust;
    private RecordingProxy proxy;
    private List<Agent> agents = List.of();
    private LabSystem system;

    private LabRunTarget(LabTarget lab, Function<String, String> environment, Duration timeout, boolean realTime) {
        this.lab = lab;
        this.environment = environment;
        this.timeout = timeout;
        this.realTimeRefresh = realTime;
    }

    /** Nothing starts yet: {@link #preflight()} checks the lab, then starts the proxy. */
    public static LabRunTarget of(LabTarget lab, Function<String, String> environment, Duration timeout,
                                  boolean realTimeRefresh) {
        return new LabRunTarget(lab, environment, timeout, realTimeRefresh);
    }

    public LabTarget lab() {
        return lab;
    }

    @Override
    public String describe() {
        return "lab " + lab.name() + " (" + lab.file() + ", through the recording proxy)";
    }

    @Override
    public synchronized List<String> preflight() {
        List<String> problems = new ArrayList<>();
        try {
            trust = TrustBundle.load(lab.trust(), environment);
        } catch (IllegalArgumentException e) {
            Preflight.run(lab, environment, timeout).forEach(p -> problems.add(p.toString()));
            return problems;
        }
        for (PreflightProblem problem : Preflight.run(lab, trust, environment, timeout)) {
            problems.add(problem.toString());
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            system = LabSystem.read(lab.finesse(), trust.sslContext(), timeout);
        } catch (IllegalStateException e) {
            return List.of("systeminfo: " + e.getMessage() + System.lineSeparator()
                    + "    fix: check finesse.primary in " + lab.file());
        }
        List<Agent> resolved = new ArrayList<>();
        for (LabTarget.Agent agent : lab.agents()) {
            String password = agent.password().resolve(environment).orElseThrow();
            resolved.add(new Agent(agent.loginName(), agent.extension(), Secret.of(password), system.mode(),
                    agent.extension(), agent.loginName(), "(lab)", agent.idpLoginName(), null));
        }
        agents = List.copyOf(resolved);
        Map<String, StubSystem> hosts = new LinkedHashMap<>();
        hosts.put(lab.finesse().getHost(), StubSystem.FINESSE);
        lab.finesseSecondary().ifPresent(secondary -> hosts.put(secondary.getHost(), StubSystem.FINESSE));
        hosts.putIfAbsent(lab.ids().getHost(), StubSystem.IDS);
        try {
            proxy = RecordingProxy.start(trust.keyStore(), hosts, StubSystem.IDP); // the IdP: any other host
        } catch (IllegalStateException | IllegalArgumentException e) {
            return List.of("proxy: " + e.getMessage() + System.lineSeparator()
                    + "    fix: free a loopback port, or run the kit with the JVM flags of ./kit");
        }
        return List.of();
    }

    private RecordingProxy proxyStarted() {
        if (proxy == null) {
            throw new IllegalStateException("the lab run's preflight has not passed: no recording proxy is running");
        }
        return proxy;
    }

    @Override
    public URI finesse() {
        return lab.finesse();
    }

    @Override
    public URI ids() {
        return lab.ids();
    }

    @Override
    public SSLContext clientTls() {
        return proxyStarted().clientContext();
    }

    @Override
    public Optional<InetSocketAddress> proxy() {
        return Optional.of(proxyStarted().address());
    }

    @Override
    public KeyStore probeTrust() {
        return trust.keyStore();
    }

    @Override
    public List<Agent> agents() {
        return agents;
    }

    /** The proxy's record; a request it could not complete (TLS not trusted, network) is an error, never dropped. */
    @Override
    public List<Exchange> journal() {
        RecordingProxy recorder = proxyStarted();
        if (!recorder.failures().isEmpty()) {
            throw new LabUnreachable("the recording proxy could not complete " + recorder.failures().size()
                    + " request(s), first: " + recorder.failures().get(0) + ". Fix: an SSL failure means the lab's "
                    + "certificate (or the IdP's) is not in the bundle at trust: of " + lab.file()
                    + " or does not name the host; check with ./kit preflight --target " + lab.file());
        }
        return recorder.exchanges();
    }

    @Override
    public void reset() {
        proxyStarted().clear();
    }

    @Override
    public Optional<String> lacking(TargetNeed need) {
        String why = switch (need) {
            case STUB_CONTROL -> "a lab's modes, answers and faults are its own: the kit cannot set them";
            case VIRTUAL_CLOCK -> realTimeRefresh ? null : "a lab runs on real time; --lab-refresh runs the refresh "
                    + "scenarios in real time against the lab's token lifetime (minutes)";
            case LAB_PAGES -> "a lab does not serve the browser catalogue's pages";
            case HOSTILE -> "the kit starts no hostile servers beside a lab";
            case STUB_IDP -> "the scenario judges the stub IdP's own pages and knobs, not the lab's IdP";
        };
        return Optional.ofNullable(why).map(reason -> "lab " + lab.name() + " lacks @needs:" + need.id()
                + " (the scenario " + need.meaning() + "): " + reason);
    }

    @Override
    public Optional<String> notLike(DeploymentType deployment, AuthMode mode) {
        if (system == null) {
            return Optional.of("the lab's SystemInfo was not read (the preflight did not pass)");
        }
        if (system.deployment() == deployment && system.mode() == mode) {
            return Optional.empty();
        }
        return Optional.of("lab " + lab.name() + " is " + system.deployment() + " in " + system.mode()
                + " mode (its SystemInfo); the scenario needs " + deployment + " in " + mode + " mode");
    }

    @Override
    public Optional<Duration> accessTokenLifetime() {
        return proxy == null ? Optional.empty() : TokenLifetime.firstIn(proxy.exchanges());
    }

    @Override
    public boolean realTimeRefresh() {
        return realTimeRefresh;
    }

    @Override
    public synchronized void close() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    /** The proxy could not reach the lab: the scenario could not be judged. */
    public static final class LabUnreachable extends IllegalStateException {
        LabUnreachable(String message) {
            super(message);
        }
    }
}
