package dev.ssokit.conformance.runtarget;

import dev.ssokit.model.Agent;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.world.Exchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What a run talks to when it is not the embedded stub world (a lab through the recording proxy; a replay): the seam
 * {@code --target} plugs into. It gives the client its base URL, trust and proxy, the agents, and the journal the
 * checks judge (the same {@link Exchange}s the stub world records); it says which scenario needs it cannot meet.
 */
public interface RunTarget extends AutoCloseable {
    /** For the reports and the console, e.g. "lab lab-a (targets/lab-a.yaml)". */
    String describe();

    /** Each problem that stops the run before its first scenario, with its fix; empty: ready. */
    List<String> preflight();

    URI finesse();

    URI ids();

    /** What the client under test trusts for this run (a lab run: the recording proxy's CA, nothing else). */
    SSLContext clientTls();

    /** Where the client sends every request, or empty: straight to the target. */
    Optional<InetSocketAddress> proxy();

    /** What the REST probes trust when they talk to the target directly. */
    KeyStore probeTrust();

    /** The agents the target has, passwords resolved (from the target file's secret sources). */
    List<Agent> agents();

    /** What crossed the wire since the last {@link #reset()}, in order. */
    List<Exchange> journal();

    /** Before each scenario: a new journal. */
    void reset();

    /** Why this target cannot give what a scenario needs; empty: it can. */
    Optional<String> lacking(TargetNeed need);

    /** Why the target is not the system a scenario's "Given a UCCE system in SSO mode" asks for; empty: it is. */
    Optional<String> notLike(DeploymentType deployment, AuthMode mode);

    /** The access-token lifetime the target issues (a lab: read from its first token answer), if known. */
    Optional<Duration> accessTokenLifetime();

    /** True when "N seconds pass" may wait N real seconds (scaled to the target's token lifetime): --lab-refresh. */
    boolean realTimeRefresh();

    @Override
    void close();
}
