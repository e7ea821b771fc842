package dev.ssokit.client;

import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.util.Optional;

/**
 * The one interface steps drive a client through: the operations of Cisco's procedure, in its words. Any client
 * can stand behind it (the HtmlUnit reference client, a deliberately broken twin, a partner's adapter); checks
 * judge what it reports here and what the stubs saw, never its insides.
 */
public interface ClientUnderTest extends AutoCloseable {
    /** Short id shown in reports and used by the expected-deviation data, e.g. "reference". */
    String id();

    /** Step 1: GET /finesse/api/SystemInfo, systemAuthMode and deploymentType. */
    Outcome<SystemReport> readSystemAuthMode();

    /** Step 2: GET /finesse/api/UserAuthMode/{user}. */
    Outcome<AuthMode> readUserAuthMode(String username);

    /** Steps 3–4: /desktop/sso/token with cc_username, through IdS and the IdP login, to the token JSON. */
    Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier);

    /** Step 5: on UCCE, the token's user_id to the loginId (User API); on UCCX, user_id is the loginId. */
    Outcome<String> resolveLoginId();

    /** Step 6: PUT /finesse/api/User/{loginId} with state LOGIN and the extension. */
    Outcome<ApiReply> signInToExtension(String extension);

    /** GET /finesse/api/User/{loginId}: the agent's own User object. */
    Outcome<ApiReply> readOwnUser();

    /** The whole procedure as a real client runs it, deciding SSO or Basic from steps 1–2. */
    Outcome<SignedIn> connect(Credentials credentials, String extension);

    /** Time has passed on the shared clock: the client does what its timers would (step 7: refresh when due). */
    void timePassed();

    /** Opens a URL as a browser would (redirects, cookies, scripts, refreshes) and reports where it ended. */
    Outcome<PageReport> browse(java.net.URI url);

    /** An authorised GET of a Finesse REST path with the current credentials (R8: the token stays with its origin). */
    Outcome<ApiReply> getFinesseApi(String path);

    /** GET /desktop/sso/test and the verdict of its ssotest cookie (J11: no postMessage outside a browser). */
    Outcome<Boolean> runSsoTest();

    /** The application restarts: session cookies go, persistent ones stay (C24). */
    void restart();

    /** The cookie jar as the client holds it, names and attributes only (values never leave the client). */
    java.util.List<String> cookieJar();

    /** Every request the client made, as it saw it (its own record; the stub world keeps a journal of its own). */
    java.util.List<dev.ssokit.client.Hop> hops();

    Optional<TokenSet> currentToken();

    Optional<String> loginId();

    /** What a client running outside the kit printed besides its answers (raw: the kit redacts it before showing it). */
    default java.util.List<String> processLog() {
        return java.util.List.of();
    }

    @Override
    void close();
}
