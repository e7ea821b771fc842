package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.Defect;
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

/**
 * Only for broken twins: defects in what a client does with the agent's names and with a failed sign-in, around
 * the reference client (which they leave as it is): one name for every system, and a blind retry loop.
 */
final class SignInDefects implements ClientUnderTest {
    static final int BLIND_RETRIES = 5;
    private final ClientUnderTest inner;
    private final ClientSettings settings;

    private SignInDefects(ClientUnderTest inner, ClientSettings settings) {
        this.inner = inner;
        this.settings = settings;
    }

    /** The client itself, or wrapped where one of these defects is switched on. */
    static ClientUnderTest around(ClientUnderTest client, ClientSettings settings) {
        boolean needed = settings.has(Defect.IDP_GETS_FINESSE_LOGIN_NAME) || settings.has(Defect.IDP_NAME_AS_CC_USERNAME)
                || settings.has(Defect.RETRIES_FAILED_SIGN_IN);
        return needed ? new SignInDefects(client, settings) : client;
    }

    private Credentials names(Credentials credentials) {
        if (settings.has(Defect.IDP_GETS_FINESSE_LOGIN_NAME)) {
            return credentials.withIdpLoginName(credentials.username());
        }
        if (settings.has(Defect.IDP_NAME_AS_CC_USERNAME)) {
            return credentials.withUsername(credentials.idpLoginName());
        }
        return credentials;
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        Outcome<SignedIn> outcome = inner.connect(names(credentials), extension);
        for (int attempt = 1; attempt < BLIND_RETRIES && !outcome.succeeded()
                && settings.has(Defect.RETRIES_FAILED_SIGN_IN); attempt++) {
            outcome = inner.connect(names(credentials), extension);
        }
        return outcome;
    }

    @Override
    public Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        return inner.acquireToken(names(credentials), carrier);
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        return inner.readUserAuthMode(username);
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        return inner.readSystemAuthMode();
    }

    @Override
    public Outcome<String> resolveLoginId() {
        return inner.resolveLoginId();
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        return inner.signInToExtension(extension);
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        return inner.readOwnUser();
    }

    @Override
    public void timePassed() {
        inner.timePassed();
    }

    @Override
    public Outcome<PageReport> browse(URI url) {
        return inner.browse(url);
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        return inner.getFinesseApi(path);
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        return inner.runSsoTest();
    }

    @Override
    public void restart() {
        inner.restart();
    }

    @Override
    public List<String> cookieJar() {
        return inner.cookieJar();
    }

    @Override
    public List<Hop> hops() {
        return inner.hops();
    }

    @Override
    public Optional<TokenSet> currentToken() {
        return inner.currentToken();
    }

    @Override
    public Optional<String> loginId() {
        return inner.loginId();
    }

    @Override
    public List<String> processLog() {
        return inner.processLog();
    }

    @Override
    public void close() {
        inner.close();
    }
}
