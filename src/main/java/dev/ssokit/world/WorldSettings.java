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
    private final Map<String, AuthMode> userAuthModeOverrides = new ConcurrentHashMap<>();

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
        userAuthModeOverrides.clear();
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
}
