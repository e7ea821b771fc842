package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.Defect;
import dev.ssokit.client.FinesseAnswers;
import dev.ssokit.client.Hop;
import dev.ssokit.client.PageReport;
import dev.ssokit.client.SignedIn;
import dev.ssokit.client.SystemReport;
import dev.ssokit.model.ApiReply;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.htmlunit.HttpMethod;

/**
 * The reference thick client: HtmlUnit follows the redirects, keeps one cookie jar across hosts and runs the page
 * scripts, as Cisco asks of thick clients; this class walks the procedure around it (auth modes, cc_username,
 * IdP login, loginId, refresh at 75 %) through its rooms: the page driver, the IdP login, the token keeper and the
 * Finesse REST calls. Switched {@link Defect}s turn it into a broken twin, one defect each.
 */
public final class HtmlUnitClient implements ClientUnderTest {
    private final ClientSettings settings;
    private final PageDriver driver;
    private final TokenKeeper keeper;
    private final FinesseRest rest;

    public HtmlUnitClient(ClientSettings settings) {
        this.settings = settings;
        AtomicReference<Credentials> signedInAs = new AtomicReference<>();
        this.driver = new PageDriver(settings, new OperationDeadline(settings.limits()), signedInAs::get);
        this.keeper = new TokenKeeper(settings, driver, new IdpLogin(settings, driver), signedInAs);
        this.rest = new FinesseRest(settings, driver, keeper);
    }

    @Override
    public String id() {
        return settings.defects().isEmpty() ? "reference"
                : settings.defects().stream().map(Defect::id).sorted().reduce((a, b) -> a + "+" + b).orElseThrow();
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        return rest.readSystemAuthMode();
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        return rest.readUserAuthMode(username);
    }

    @Override
    public Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        return keeper.acquireToken(credentials, carrier);
    }

    @Override
    public Outcome<String> resolveLoginId() {
        return rest.resolveLoginId();
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        return rest.signInToExtension(extension);
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        return rest.readOwnUser();
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        keeper.credentials(credentials);
        Outcome<SystemReport> system = readSystemAuthMode();
        if (!system.succeeded()) {
            return Outcome.failed(system.failure());
        }
        AuthMode mode = settings.has(Defect.SSO_ON_NON_SSO_SYSTEM) ? AuthMode.SSO : system.value().systemAuthMode();
        if (mode == AuthMode.HYBRID) {
            if (settings.has(Defect.SKIPS_USER_AUTH_MODE_ON_HYBRID)) {
                mode = AuthMode.SSO;
            } else {
                Outcome<AuthMode> user = readUserAuthMode(credentials.username());
                if (!user.succeeded() && user.failure().startsWith(FinesseAnswers.UNREADABLE_USER_AUTH_MODE)
                        && !settings.has(Defect.BASIC_ON_UNREADABLE_USER_AUTH_MODE)) {
                    return Outcome.failed(user.failure() + "; stopped (S4): an unreadable answer never decides "
                            + "which credentials the client sends, so none were sent");
                }
                mode = user.succeeded() && user.value() == AuthMode.SSO ? AuthMode.SSO : AuthMode.NON_SSO;
            }
        } else if (mode == AuthMode.SSO && settings.has(Defect.CALLS_USER_AUTH_MODE_ON_SSO)) {
            readUserAuthMode(credentials.username());
        }
        return FinesseAnswers.signIn(this, mode, credentials, extension, keeper::useBasic);
    }

    @Override
    public void timePassed() {
        if (VariantHooks.heartbeat(settings) && rest.deploymentType() != null) {
            readSystemAuthMode();
        }
        keeper.timePassed();
    }

    @Override
    public Outcome<PageReport> browse(URI url) {
        return driver.browse(url);
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        return rest.call(HttpMethod.GET, path, null);
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        return driver.runSsoTest();
    }

    @Override
    public void restart() {
        driver.restart();
    }

    @Override
    public List<String> cookieJar() {
        return driver.cookieJar();
    }

    @Override
    public List<Hop> hops() {
        return driver.hops();
    }

    @Override
    public Optional<TokenSet> currentToken() {
        return Optional.ofNullable(keeper.token());
    }

    @Override
    public Optional<String> loginId() {
        return Optional.ofNullable(rest.loginId());
    }

    @Override
    public void close() {
        driver.close();
    }

    OperationDeadline deadline() {
        return driver.deadline();
    }

    /** Scripts stopped by the script limit and hops refused since the last call (for the operation's report). */
    List<String> takeNotes() {
        return driver.takeNotes();
    }
}
