package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.util.List;

/** V5: the IdP's login form gets the name the IdP knows (UPN or DOMAIN\\user), not the Finesse loginName. */
public record EnsureIdpGetsIdpLoginName(AgentNames names, String usernameField) implements Check {
    public String requirement() {
        return "V5";
    }

    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "The IdP login page is filled with the agent's IdP login name (" + names.idpLoginName() + ")";
    }

    public Verdict evaluate(Evidence evidence) {
        List<Exchange> posts = evidence.where(e -> e.system() == StubSystem.IDP && e.method().equals("POST")
                && e.formParameter(usernameField).isPresent());
        String expected = usernameField + "=" + names.idpLoginName() + " on the IdP login form (" + names.legend() + ")";
        if (posts.isEmpty()) {
            return Verdict.fail(expected, "the IdP login form was never posted");
        }
        for (Exchange post : posts) {
            String typed = post.formParameter(usernameField).orElse("");
            if (!typed.equalsIgnoreCase(names.idpLoginName())) {
                return Verdict.fail(expected, Exchanges.line(post) + " posted " + usernameField + "="
                        + names.whichIs(typed) + ": the IdP knows this agent only as '" + names.idpLoginName()
                        + "'; type the IdP login name on the IdP page and keep the Finesse loginName for cc_username");
            }
        }
        return Verdict.pass(posts.size() + " IdP login post(s) with " + usernameField + "=" + names.idpLoginName());
    }
}
