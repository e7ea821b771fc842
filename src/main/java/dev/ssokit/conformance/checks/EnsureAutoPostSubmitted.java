package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * J1/J2: the auto-submitting page that a hop answered was posted by the client, with its hidden fields unchanged.
 * J1 is the IdP's SAMLResponse page (to the IdS ACS), J2 the IdS relay page (uniqueId to /ids/relay).
 */
public record EnsureAutoPostSubmitted(String requirement, String page, List<String> fields,
                                      Predicate<Exchange> offeredBy, Predicate<Exchange> postedTo) implements Check {

    public static EnsureAutoPostSubmitted samlResponse() {
        return new EnsureAutoPostSubmitted("J1", "the IdP's SAML auto-POST page", List.of("SAMLResponse", "RelayState"),
                e -> Exchanges.isIdpLoginPost(e) && e.inputValueInResponse("SAMLResponse").isPresent(),
                Exchanges::isSamlPost);
    }

    public static EnsureAutoPostSubmitted relay() {
        return new EnsureAutoPostSubmitted("J2", "the IdS relay page", List.of("uniqueId"),
                e -> Exchanges.isSamlPost(e) && e.inputValueInResponse("uniqueId").isPresent(), Exchanges::isRelayPost);
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The client runs the script of " + page + " and posts its form with " + fields + " byte-identical";
    }

    public Verdict evaluate(Evidence evidence) {
        Optional<Exchange> offered = evidence.first(offeredBy);
        if (offered.isEmpty()) {
            return Verdict.fail(page + " to be served", "it never was; requests:" + evidence.listing(evidence.journal()));
        }
        Optional<Exchange> posted = evidence.journal().stream()
                .filter(e -> e.sequence() > offered.get().sequence() && postedTo.test(e)).findFirst();
        if (posted.isEmpty()) {
            return Verdict.fail("a POST of " + page + "'s form after " + Exchanges.line(offered.get()),
                    "the client never submitted it (no script run?); requests after it:"
                            + evidence.listing(evidence.journal().stream()
                            .filter(e -> e.sequence() > offered.get().sequence()).toList()));
        }
        for (String field : fields) {
            Optional<String> sent = posted.get().formParameter(field);
            Optional<String> served = offered.get().inputValueInResponse(field);
            if (!sent.equals(served)) {
                return Verdict.fail(field + " exactly as the page served it",
                        field + (sent.isEmpty() ? " missing" : " altered") + " in " + Exchanges.line(posted.get()));
            }
        }
        return Verdict.pass("posted at " + Exchanges.line(posted.get()));
    }
}
