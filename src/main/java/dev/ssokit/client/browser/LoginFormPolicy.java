package dev.ssokit.client.browser;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Objects;
import java.util.Optional;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * S1: the IdP password goes only over HTTPS and only to the origin that served the login page. A thick client
 * fills the form by itself, as a browser's password manager does, and those fill only on the origin the
 * credentials belong to; browsers warn before an https page posts a form over plain http.
 */
final class LoginFormPolicy {
    private LoginFormPolicy() {
    }

    /** Why the password must not be posted with this form, or empty when it may. */
    static Optional<String> refusal(HtmlForm form, String username) {
        HtmlPage page = (HtmlPage) form.getPage();
        URL served = page.getUrl();
        URL target;
        try {
            String action = form.getActionAttribute();
            target = action == null || action.isBlank() ? served : page.getFullyQualifiedUrl(action);
        } catch (MalformedURLException e) {
            return Optional.of(prefix(username, served) + "its form action '" + form.getActionAttribute()
                    + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(served.getProtocol())) {
            return Optional.of(prefix(username, served) + "the login page itself came over plain http");
        }
        if (!"https".equalsIgnoreCase(target.getProtocol())) {
            return Optional.of(prefix(username, served) + "its form posts to " + NetworkFailures.address(target)
                    + ", over plain " + target.getProtocol() + ": the password would travel readable");
        }
        if (!origin(target).equals(origin(served))) {
            return Optional.of(prefix(username, served) + "its form posts to another origin, " + origin(target)
                    + ": the password goes only to the origin that served the login page, " + origin(served));
        }
        return Optional.empty();
    }

    private static String prefix(String username, URL served) {
        return "Refused to post the IdP password of '" + username + "' (S1): the login page "
                + NetworkFailures.address(served) + " was not filled in, because ";
    }

    static String origin(URL url) {
        int port = url.getPort() < 0 ? url.getDefaultPort() : url.getPort();
        return url.getProtocol().toLowerCase(java.util.Locale.ROOT) + "://"
                + Objects.toString(url.getHost(), "").toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
