package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import dev.ssokit.model.UsernameCarrier;
import java.io.IOException;
import java.net.URL;
import java.util.concurrent.atomic.AtomicReference;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.http.Cookie;

/**
 * The token keeper: the credentials the client signs in with, how it carries cc_username, the token it holds and
 * how it authenticates its REST calls; it acquires the token (step 3), refreshes it when due (step 7) and, refused,
 * signs in once again.
 */
final class TokenKeeper {
    private final ClientSettings settings;
    private final PageDriver driver;
    private final IdpLogin login;
    private final TokenLifecycle lifecycle;
    private final AtomicReference<Credentials> signedInAs;
    private UsernameCarrier carrier = UsernameCarrier.QUERY;
    private TokenSet token;
    private AuthMode authenticatedWith;

    /** signedInAs is shared with the page driver's wire hooks, which need to know whose password is secret. */
    TokenKeeper(ClientSettings settings, PageDriver driver, IdpLogin login, AtomicReference<Credentials> signedInAs) {
        this.signedInAs = signedInAs;
        this.settings = settings;
        this.driver = driver;
        this.login = login;
        this.lifecycle = new TokenLifecycle(settings);
    }

    Credentials credentials() {
        return signedInAs.get();
    }

    void credentials(Credentials credentials) {
        signedInAs.set(credentials);
    }

    TokenSet token() {
        return token;
    }

    AuthMode authenticatedWith() {
        return authenticatedWith;
    }

    /** The system (or the user) is non-SSO: REST calls carry Basic credentials. */
    void useBasic() {
        authenticatedWith = AuthMode.NON_SSO;
    }

    Secret bearer() {
        return lifecycle.bearer(token);
    }

    /** The id to look the user up by (user_id, or what a broken twin uses instead). */
    String lookupId() {
        return lifecycle.lookupId(token);
    }

    String lookupSegment(String value, String reference) {
        return lifecycle.lookupSegment(value, reference);
    }

    Outcome<TokenSet> acquireToken(Credentials credentials, UsernameCarrier carrier) {
        signedInAs.set(credentials);
        this.carrier = carrier;
        String path = "/desktop/sso/token?";
        if (!settings.has(Defect.NO_CC_USERNAME)) {
            if (carrier == UsernameCarrier.COOKIE || VariantHooks.usernameCookieToo(settings)) {
                seedUsernameCookie(credentials.username());
            }
            if (carrier != UsernameCarrier.COOKIE) {
                path += "cc_username=" + encodeUsername(credentials.username()) + "&";
            }
        }
        try {
            Page first = driver.browser().getPage(driver.url((path + lifecycle.refreshTokenRequest())
                    .replaceFirst("[?&]$", "")));
            return adopt(login.driveToToken(first, credentials, token));
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("The token request failed before the flow completed: " + PageDriver.describe(e));
        }
    }

    private void seedUsernameCookie(String username) {
        URL base = driver.url("/");
        driver.browser().getCookieManager().addCookie(new Cookie(VariantHooks.usernameCookieDomain(base.getHost(),
                settings), "cc_username", encodeUsername(username), VariantHooks.usernameCookiePath(settings), null,
                true, false));
    }

    private String encodeUsername(String username) {
        return settings.has(Defect.RAW_CC_USERNAME) ? username : VariantHooks.encodeUsername(username, settings);
    }

    private Outcome<TokenSet> adopt(Outcome<TokenSet> outcome) {
        if (outcome.succeeded()) {
            token = outcome.value();
            lifecycle.adopted(token);
            authenticatedWith = AuthMode.SSO;
        }
        return outcome;
    }

    /** Time passed: refresh when the token is due (75 %, or when a broken twin thinks it is). */
    void timePassed() {
        if (token == null || settings.has(Defect.NEVER_REFRESH)) {
            return;
        }
        long due = settings.has(Defect.REFRESH_AFTER_EXPIRY)
                ? token.expiresInSeconds() + 1 : VariantHooks.refreshDue(token.expiresInSeconds(), settings);
        if (lifecycle.due(token, settings.clock().instant(), due)) {
            refresh();
        }
    }

    /** Step 7: POST /desktop/sso/token with token + refresh-token; on refusal, one full sign-in again. */
    Outcome<TokenSet> refresh() {
        if (token == null || !token.hasRefreshToken()) {
            return reauthenticate("no refresh token held");
        }
        TokenSet before = token;
        Outcome<TokenSet> refreshed;
        WebRequest request;
        try {
            request = VariantHooks.refreshRequest(driver.url("/"), encodeUsername(credentials().username()),
                    carrier == UsernameCarrier.QUERY, token, lifecycle.postedAccessToken(token), settings);
        } catch (IOException e) {
            return Outcome.failed("Cannot build the refresh request: " + PageDriver.describe(e));
        }
        boolean follow = driver.browser().getOptions().isRedirectEnabled();
        try {
            driver.browser().getOptions().setRedirectEnabled(follow && !settings.has(Defect.REFRESH_IGNORES_REDIRECT));
            refreshed = login.driveToToken(driver.browser().getPage(request), credentials(), token);
        } catch (IOException | RuntimeException e) {
            refreshed = Outcome.failed("The refresh request failed: " + PageDriver.describe(e));
        } finally {
            driver.browser().getOptions().setRedirectEnabled(follow);
        }
        if (refreshed.succeeded()) {
            TokenSet fresh = refreshed.value();
            if (settings.has(Defect.IGNORE_ROTATED_REFRESH_TOKEN) || !fresh.hasRefreshToken()) {
                fresh = new TokenSet(fresh.accessToken(), before.refreshToken(), fresh.expiresInSeconds(),
                        fresh.userId(), fresh.realm(), fresh.userPrincipal(), fresh.obtainedAt());
            }
            token = fresh;
            lifecycle.refreshed();
            return Outcome.ok(fresh);
        }
        if (settings.has(Defect.NO_REAUTH_AFTER_REFRESH_REFUSED)) {
            token = null;
            return refreshed;
        }
        return reauthenticate(refreshed.failure());
    }

    private Outcome<TokenSet> reauthenticate(String why) {
        token = null;
        Credentials credentials = credentials();
        if (credentials == null) {
            return Outcome.failed("Cannot sign in again (" + why + "): no credentials known");
        }
        if (!VariantHooks.keepSessionsOnReauthentication(settings)) {
            driver.browser().getCookieManager().clearCookies();
        }
        lifecycle.reauthenticating();
        lifecycle.authcodeToReopen(driver.hops()).ifPresent(driver::reopen);
        return acquireToken(credentials, carrier);
    }
}
