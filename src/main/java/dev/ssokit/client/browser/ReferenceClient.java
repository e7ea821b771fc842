package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.ClientUnderTest;
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
import java.util.function.Supplier;

/**
 * The reference client as the kit runs it: {@link HtmlUnitClient} with every operation under its whole-operation
 * deadline ({@link OperationDeadline}). An operation during which a page script was stopped by the script limit,
 * or a hop was refused (mixed content, a bad scheme, credentials over http), reports that, hop by hop, in its
 * failure; so does one that ran out of time.
 */
public final class ReferenceClient implements ClientUnderTest {
    private final HtmlUnitClient client;

    private ReferenceClient(HtmlUnitClient client) {
        this.client = client;
    }

    public static ClientUnderTest create(ClientSettings settings) {
        return SignInDefects.around(new ReferenceClient(new HtmlUnitClient(settings)), settings);
    }

    private <T> Outcome<T> bounded(String operation, Supplier<Outcome<T>> call) {
        OperationDeadline deadline = client.deadline();
        boolean outermost = deadline.begin(operation);
        try {
            Outcome<T> outcome = call.get();
            boolean late = deadline.passed();
            List<String> notes = client.takeNotes();
            if (notes.isEmpty() && !late) {
                return outcome;
            }
            StringBuilder text = new StringBuilder(outcome.succeeded() ? operation + " did not finish cleanly"
                    : outcome.failure());
            if (late && (outcome.succeeded() || !outcome.failure().contains("operation deadline"))) {
                text.append("; ").append(deadline.passedText());
            }
            for (String note : notes) {
                if (outcome.succeeded() || !outcome.failure().contains(note)) {
                    text.append("; ").append(note);
                }
            }
            return Outcome.failed(text.toString());
        } finally {
            if (outermost) {
                deadline.end();
            }
        }
    }

    @Override
    public String id() {
        return client.id();
    }

    @Override
    public Outcome<SystemReport> readSystemAuthMode() {
        return bounded("readSystemAuthMode", client::readSystemAuthMode);
    }

    @Override
    public Outcome<AuthMode> readUserAuthMode(String username) {
        return bounded("readUserAuthMode", () -> client.readUserAuthMode(username));
    }

    @Override
    public Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        return bounded("acquireToken", () -> client.acquireToken(credentials, carrier));
    }

    @Override
    public Outcome<String> resolveLoginId() {
        return bounded("resolveLoginId", client::resolveLoginId);
    }

    @Override
    public Outcome<ApiReply> signInToExtension(String extension) {
        return bounded("signInToExtension", () -> client.signInToExtension(extension));
    }

    @Override
    public Outcome<ApiReply> readOwnUser() {
        return bounded("readOwnUser", client::readOwnUser);
    }

    @Override
    public Outcome<SignedIn> connect(Credentials credentials, String extension) {
        return bounded("connect", () -> client.connect(credentials, extension));
    }

    @Override
    public void timePassed() {
        bounded("timePassed (refresh)", () -> {
            client.timePassed();
            return Outcome.ok(Boolean.TRUE);
        });
    }

    @Override
    public Outcome<PageReport> browse(URI url) {
        return bounded("browse", () -> client.browse(url));
    }

    @Override
    public Outcome<ApiReply> getFinesseApi(String path) {
        return bounded("getFinesseApi", () -> client.getFinesseApi(path));
    }

    @Override
    public Outcome<Boolean> runSsoTest() {
        return bounded("runSsoTest", client::runSsoTest);
    }

    @Override
    public void restart() {
        client.restart();
    }

    @Override
    public List<String> cookieJar() {
        return client.cookieJar();
    }

    @Override
    public List<Hop> hops() {
        return client.hops();
    }

    @Override
    public Optional<TokenSet> currentToken() {
        return client.currentToken();
    }

    @Override
    public Optional<String> loginId() {
        return client.loginId();
    }

    @Override
    public void close() {
        client.close();
    }
}
