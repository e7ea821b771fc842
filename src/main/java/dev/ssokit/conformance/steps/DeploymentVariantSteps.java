package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.AgentNames;
import dev.ssokit.conformance.checks.EnsureCcUsernameIsFinesseName;
import dev.ssokit.conformance.checks.EnsureIdpGetsIdpLoginName;
import dev.ssokit.conformance.checks.EnsureLoginIdLookupNamesFinesseUser;
import dev.ssokit.conformance.checks.EnsureSecondIdsNodeFollowed;
import dev.ssokit.conformance.checks.EnsureStoppedAtProxyBlock;
import dev.ssokit.model.Agent;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Secret;
import dev.ssokit.world.StubWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/**
 * Real-deployment variants of finesse-sso-protocol.md 8.8, 8.11 and 8.13: agents with three names, the SAML ACS on
 * a second IdS node, the reverse proxy's IP block after repeated failed authentications.
 */
public final class DeploymentVariantSteps {
    private final ScenarioContext scenario;
    private Agent named;

    public DeploymentVariantSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Given("agent {string} has an IdP login name, a uid and a Finesse loginName that all differ")
    public void threeNames(String loginName) {
        named = scenario.agent(loginName);
        if (named.idpLoginName().equals(named.loginName()) || named.uid().equals(named.loginName())
                || named.uid().equals(named.idpLoginName())) {
            throw new IllegalStateException("stubs/users.json: agent '" + loginName + "' needs an \"idpLoginName\" and"
                    + " a \"uid\" that differ from its loginName and from each other; it has idpLoginName '"
                    + named.idpLoginName() + "' and uid '" + named.uid() + "'");
        }
    }

    @Then("the IdP page got the agent's IdP login name and cc_username carried its Finesse loginName")
    public void namesWhereTheyBelong() {
        AgentNames names = names();
        scenario.check(new EnsureIdpGetsIdpLoginName(names, "UserName"));
        scenario.check(new EnsureCcUsernameIsFinesseName(names));
    }

    @Then("the loginId was looked up with a name Finesse knows and the state change named the loginId")
    public void lookupWithFinesseName() {
        scenario.check(new EnsureLoginIdLookupNamesFinesseUser(names()));
    }

    private AgentNames names() {
        if (named == null) {
            throw new IllegalStateException("Name the agent first: Given agent \"...\" has an IdP login name, a uid "
                    + "and a Finesse loginName that all differ");
        }
        return new AgentNames(named.idpLoginName(), named.uid(), named.loginName(), named.loginId());
    }

    @Given("the SAML ACS and relay of IdS are on a second IdS node")
    public void acsOnSecondNode() {
        scenario.world().settings().acsOnSecondIdsNode(true);
    }

    @Then("the client followed the hand-off to the second IdS node with that node's own cookie")
    public void secondNodeFollowed() {
        scenario.check(new EnsureSecondIdsNodeFollowed(StubWorld.SECOND_IDS_NODE));
    }

    @Given("the reverse proxy blocks a client address for {int} minutes after {int} failed authentications")
    public void proxyBlock(int minutes, int failures) {
        scenario.world().settings().proxyBlockPeriod(Duration.ofMinutes(minutes));
        scenario.world().settings().proxyBlockAfterFailures(failures);
    }

    @When("agent {string} tries to connect {int} times with a wrong password")
    public void wrongPasswordAttempts(String loginName, int times) {
        Agent agent = scenario.agent(loginName);
        for (int i = 0; i < times; i++) {
            scenario.remember(scenario.client().connect(new Credentials(agent.loginName(),
                    Secret.of("Wrong-Password-" + i), agent.idpLoginName()), agent.extension()));
        }
    }

    @Then("the client stopped at the reverse proxy's block and reported HTTP 403, not a wrong password")
    public void stoppedAtBlock() {
        scenario.check(new EnsureStoppedAtProxyBlock());
    }
}
