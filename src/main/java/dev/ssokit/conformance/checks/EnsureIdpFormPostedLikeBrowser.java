package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;

/**
 * J4: the IdP login form is submitted as a browser would: once, POST, form-encoded, to the form's relative action
 * (resolved against the page, keeping its client-request-id), with the hidden AuthMethod field and the credentials.
 */
public record EnsureIdpFormPostedLikeBrowser(String username) implements Check {
    public String requirement() {
        return "J4";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The IdP login form is posted like a browser: its action, its hidden fields, form encoding";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> posts = evidence.where(Exchanges::isIdpLoginPost);
        if (posts.isEmpty()) {
            return Verdict.fail("one POST of the login form", "none:" + evidence.listing(evidence.journal()));
        }
        Exchange post = posts.get(0);
        if (!post.isForm()) {
            return Verdict.fail("Content-Type application/x-www-form-urlencoded",
                    post.firstRequestHeader("content-type").orElse("no Content-Type"));
        }
        if (post.rawQueryParameter("client-request-id").isEmpty()) {
            return Verdict.fail("the form's action URL (with its client-request-id)",
                    "the POST went to " + post.path() + " without it: the relative action was not resolved");
        }
        Optional<String> method = post.formParameter("AuthMethod");
        if (!method.equals(Optional.of("FormsAuthentication"))) {
            return Verdict.fail("hidden AuthMethod=FormsAuthentication", "AuthMethod " + method.orElse("missing"));
        }
        if (!post.formParameter("UserName").equals(Optional.of(username)) || post.formParameter("Password").isEmpty()) {
            return Verdict.fail("UserName=" + username + " and a Password", "fields " + post.formParameters().keySet());
        }
        return Verdict.pass(Exchanges.line(post));
    }
}
