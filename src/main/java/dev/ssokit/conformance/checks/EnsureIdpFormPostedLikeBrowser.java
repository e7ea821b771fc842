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
            return Verdict.fail("Content-Type application/x-www-form-urlencoded on " + Exchanges.line(post),
                    post.firstRequestHeader("content-type").orElse("no Content-Type"));
        }
        if (post.rawQueryParameter("client-request-id").isEmpty()) {
            return Verdict.fail("the form's action URL (with its client-request-id)", "the POST went to "
                    + Exchanges.line(post) + " without it: the relative action was not resolved");
        }
        Optional<String> method = post.formParameter("AuthMethod");
        if (!method.equals(Optional.of("FormsAuthentication"))) {
            return Verdict.fail("hidden AuthMethod=FormsAuthentication", "AuthMethod " + method.orElse("missing")
                    + " in " + Exchanges.line(post) + ": post the form's hidden fields with it");
        }
        Optional<String> sent = post.formParameter("UserName");
        if (post.formParameter("Password").isEmpty() || sent.isEmpty()) {
            return Verdict.fail("UserName=" + username + " and a Password in the POST to the IdP (" + Exchanges.line(post)
                    + ")", "fields " + post.formParameters().keySet());
        }
        if (!sent.get().equals(username)) {
            return Verdict.fail("UserName=" + username + ", form-encoded in UTF-8 (" + encoded(username) + "), in "
                    + Exchanges.line(post), "the IdP read UserName '" + sent.get() + "' from "
                    + rawField(post, "UserName") + diagnosis(username, sent.get(), rawField(post, "UserName"))
                    + "; the IdP then shows its login page again, which looks like a wrong password but is not");
        }
        return Verdict.pass(Exchanges.line(post));
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String rawField(Exchange post, String name) {
        String body = post.requestBody() == null ? "" : post.requestBody();
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair;
            }
        }
        return "(no " + name + " field)";
    }

    /** Why the value the IdP read differs: a raw '+', a legacy charset, or simply another name. */
    static String diagnosis(String expected, String read, String raw) {
        if (expected.contains("+") && read.equals(expected.replace('+', ' '))) {
            return ": the '+' was not percent-encoded (%2B), so it decodes to a space";
        }
        if (raw.matches(".*%[89A-Fa-f][0-9A-Fa-f].*") && !raw.matches(".*%[CDEcde][0-9A-Fa-f]%[89ABab][0-9A-Fa-f].*")) {
            return ": the form was encoded in ISO-8859-1 (one byte per accented letter), but the page is UTF-8, so the "
                    + "form must be posted in UTF-8";
        }
        return ": the client filled in another name";
    }
}
