package dev.ssokit.world;

import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The knobs a scenario turns on the stub world. Every field has the default of a plain UCCE system in SSO mode
 * with the token lifetimes of Cisco's example (300 s access, 7200 s refresh); {@link #reset()} restores them.
 */
public final class WorldSettings {
    public static final String FINESSE_CLIENT_ID = "bedbc55e3c6e4be1a2b0f3d2c1e0a9b8c7d6407e";

    private volatile AuthMode systemAuthMode;
    private volatile DeploymentType deploymentType;
    private volatile boolean userAuthModeEnabled;
    private volatile boolean ccUsernameQuerySupported;
    private volatile Duration accessTokenLifetime;
    private volatile Duration refreshTokenLifetime;
    private volatile Duration authCodeLifetime;
    private volatile boolean extraTokenFields;
    private volatile boolean refreshRedirectsToIdS;
    private volatile int idpSubmitDelayMillis;
    private volatile boolean idpFailingScript;
    private volatile String idpPageContentType;
    private volatile String tokenResponseOmits;
    private volatile boolean rejectBearerTokens;
    private volatile boolean outOfService;
    private volatile boolean samlPostBinding;
    private volatile String samlResponseFault;
    private volatile String idpPreset;
    private final Map<String, AuthMode> userAuthModeOverrides = new ConcurrentHashMap<>();
    // Real-deployment variants (finesse-sso-protocol.md section 8); each off by default.
    private volatile boolean refreshTokenRevocation;
    private volatile boolean systemInfoBehindProxy;
    private volatile String proxyUserAgentPattern;
    private volatile boolean idsRefusesClient;
    private volatile boolean idpUnusableSamlResponse;
    private volatile boolean publicKeyNeedsClientCredentials;
    private volatile boolean sharedSecretTokens;
    private volatile boolean acsOnSecondIdsNode;
    private volatile int proxyBlockAfterFailures;
    private volatile Duration proxyBlockPeriod;

    public WorldSettings() {
        reset();
    }

    public void reset() {
        systemAuthMode = AuthMode.SSO;
        deploymentType = DeploymentType.UCCE;
        userAuthModeEnabled = true;
        ccUsernameQuerySupported = true;
        accessTokenLifetime = Duration.ofSeconds(300);
        refreshTokenLifetime = Duration.ofSeconds(7200);
        authCodeLifetime = Duration.ofSeconds(60);
        extraTokenFields = false;
        refreshRedirectsToIdS = false;
        idpSubmitDelayMillis = 0;
        idpFailingScript = false;
        idpPageContentType = "text/html;charset=utf-8";
        tokenResponseOmits = null;
        rejectBearerTokens = false;
        outOfService = false;
        samlPostBinding = false;
        samlResponseFault = null;
        idpPreset = "adfs";
        userAuthModeOverrides.clear();
        refreshTokenRevocation = false;
        systemInfoBehindProxy = false;
        proxyUserAgentPattern = null;
        idsRefusesClient = false;
        idpUnusableSamlResponse = false;
        publicKeyNeedsClientCredentials = false;
        sharedSecretTokens = false;
        acsOnSecondIdsNode = false;
        proxyBlockAfterFailures = 0;
        proxyBlockPeriod = Duration.ofMinutes(15);
    }

    public AuthMode systemAuthMode() { return systemAuthMode; }
    public void systemAuthMode(AuthMode mode) { this.systemAuthMode = mode; }
    public DeploymentType deploymentType() { return deploymentType; }
    public void deploymentType(DeploymentType type) { this.deploymentType = type; }
    public boolean userAuthModeEnabled() { return userAuthModeEnabled; }
    public void userAuthModeEnabled(boolean enabled) { this.userAuthModeEnabled = enabled; }
    /** False models builds before 11.6(1)ES10 / 12.0(1)ES3 / 12.5(1)ES1: cc_username only as a cookie. */
    public boolean ccUsernameQuerySupported() { return ccUsernameQuerySupported; }
    public void ccUsernameQuerySupported(boolean supported) { this.ccUsernameQuerySupported = supported; }
    public Duration accessTokenLifetime() { return accessTokenLifetime; }
    public void accessTokenLifetime(Duration lifetime) { this.accessTokenLifetime = lifetime; }
    public Duration refreshTokenLifetime() { return refreshTokenLifetime; }
    public void refreshTokenLifetime(Duration lifetime) { this.refreshTokenLifetime = lifetime; }
    public Duration authCodeLifetime() { return authCodeLifetime; }
    public boolean extraTokenFields() { return extraTokenFields; }
    public void extraTokenFields(boolean extra) { this.extraTokenFields = extra; }
    public boolean refreshRedirectsToIdS() { return refreshRedirectsToIdS; }
    public void refreshRedirectsToIdS(boolean redirects) { this.refreshRedirectsToIdS = redirects; }
    public int idpSubmitDelayMillis() { return idpSubmitDelayMillis; }
    public void idpSubmitDelayMillis(int millis) { this.idpSubmitDelayMillis = millis; }
    public boolean idpFailingScript() { return idpFailingScript; }
    public void idpFailingScript(boolean failing) { this.idpFailingScript = failing; }
    public String idpPageContentType() { return idpPageContentType; }
    public void idpPageContentType(String contentType) { this.idpPageContentType = contentType; }

    /** A field the token JSON leaves out (F4 negative: a client must not accept it), or null. */
    public String tokenResponseOmits() { return tokenResponseOmits; }
    public void tokenResponseOmits(String field) { this.tokenResponseOmits = field; }
    /** Finesse answers 401 to every Bearer token, valid or not (F12: a client must not storm). */
    public boolean rejectBearerTokens() { return rejectBearerTokens; }
    public void rejectBearerTokens(boolean reject) { this.rejectBearerTokens = reject; }

    /** Finesse in OUT_OF_SERVICE: every /finesse/api request answers 503 ApiErrors (protocol §1.1). */
    public boolean outOfService() { return outOfService; }
    public void outOfService(boolean down) { this.outOfService = down; }

    /** IdS sends its AuthnRequest with the HTTP-POST binding (an auto-submitting form) instead of a redirect (§8.10). */
    public boolean samlPostBinding() { return samlPostBinding; }
    public void samlPostBinding(boolean post) { this.samlPostBinding = post; }
    /** How the stub IdP spoils its signed Response: null (it does not), "tampered", "stale", "wrong-audience". */
    public String samlResponseFault() { return samlResponseFault; }
    public void samlResponseFault(String fault) { this.samlResponseFault = fault; }
    /** Which IdP's pages the stub IdP shows (stubs/idp/mappings/&lt;preset&gt;/): "adfs" (default) or a variant. */
    public String idpPreset() { return idpPreset; }
    public void idpPreset(String preset) { this.idpPreset = preset; }

    public void userAuthMode(String loginName, AuthMode mode) {
        userAuthModeOverrides.put(loginName, mode);
    }

    public AuthMode userAuthModeOf(dev.ssokit.model.Agent agent) {
        return userAuthModeOverrides.getOrDefault(agent.loginName(), agent.authMode());
    }

    /** The mode that decides how this agent must authenticate: the system's, unless the system is HYBRID. */
    public AuthMode effectiveAuthModeOf(dev.ssokit.model.Agent agent) {
        return systemAuthMode == AuthMode.HYBRID ? userAuthModeOf(agent) : systemAuthMode;
    }

    /**
     * Opt-in (8.5): a refresh revokes the refresh token it used. Off (the default, as Cisco documents nothing
     * else): the old refresh token stays valid until it expires; the refresh answer always carries a refresh_token.
     */
    public boolean refreshTokenRevocation() { return refreshTokenRevocation; }
    public void refreshTokenRevocation(boolean revoke) { this.refreshTokenRevocation = revoke; }

    /** VPN-less reverse proxy (8.2): SystemInfo answers 401 without valid credentials (Basic or Bearer). */
    public boolean systemInfoBehindProxy() { return systemInfoBehindProxy; }
    public void systemInfoBehindProxy(boolean behind) { this.systemInfoBehindProxy = behind; }

    /** Reverse proxy User-Agent filter (8.13): a regular expression a User-Agent must match, or null (no filter). */
    public String proxyUserAgentPattern() { return proxyUserAgentPattern; }
    public void proxyUserAgentPattern(String pattern) { this.proxyUserAgentPattern = pattern; }

    /** Finesse is registered with IdS under another client id (8.6): authorize answers a JSON error, no redirect. */
    public boolean idsRefusesClient() { return idsRefusesClient; }
    public void idsRefusesClient(boolean refuses) { this.idsRefusesClient = refuses; }

    /** The IdP posts a SAML response IdS cannot use (8.6): the ACS answers a 500 error page. */
    public boolean idpUnusableSamlResponse() { return idpUnusableSamlResponse; }
    public void idpUnusableSamlResponse(boolean unusable) { this.idpUnusableSamlResponse = unusable; }

    /** IdS's public-key endpoint needs registered client credentials (8.7): 401 otherwise. */
    public boolean publicKeyNeedsClientCredentials() { return publicKeyNeedsClientCredentials; }
    public void publicKeyNeedsClientCredentials(boolean needs) { this.publicKeyNeedsClientCredentials = needs; }

    /** Releases before 12.6(2) (8.12): tokens signed HS256 with IdS's shared secret instead of RS256. */
    public boolean sharedSecretTokens() { return sharedSecretTokens; }
    public void sharedSecretTokens(boolean shared) { this.sharedSecretTokens = shared; }

    /**
     * Several IdS nodes (8.11): the AuthnRequest names the ACS of a second node ({@code ids2.test}, same IdS
     * server, another host name, so another origin); the IdP posts there, and that node's relay page hands over to
     * Finesse. The second node finds the pending request by its RelayState (the nodes share their state) and sets
     * a host-only session cookie of its own.
     */
    public boolean acsOnSecondIdsNode() { return acsOnSecondIdsNode; }
    public void acsOnSecondIdsNode(boolean second) { this.acsOnSecondIdsNode = second; }

    /**
     * Reverse proxy IP block (8.13): after this many failed authentications (401 answers) from one client address
     * the proxy blocks it for {@link #proxyBlockPeriod()}; 0 (the default) switches it off. Cisco documents the
     * block, not its count, period or answer: the stub's 403 with Retry-After is a stub choice.
     */
    public int proxyBlockAfterFailures() { return proxyBlockAfterFailures; }
    public void proxyBlockAfterFailures(int failures) {
        if (failures < 0 || failures > 1000) {
            throw new IllegalArgumentException("proxyBlockAfterFailures must be 0 (off) to 1000; got " + failures);
        }
        this.proxyBlockAfterFailures = failures;
    }
    public Duration proxyBlockPeriod() { return proxyBlockPeriod; }
    public void proxyBlockPeriod(Duration period) { this.proxyBlockPeriod = period; }

    /** Client secret of Finesse's IdS client registration (the public-key endpoint's Basic credentials). */
    public static final String FINESSE_CLIENT_SECRET = "stub-finesse-client-secret";
}
