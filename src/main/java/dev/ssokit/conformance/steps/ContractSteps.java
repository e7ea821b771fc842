package dev.ssokit.conformance.steps;

import dev.ssokit.conformance.ScenarioContext;
import dev.ssokit.conformance.checks.EnsureClientReported;
import dev.ssokit.conformance.checks.EnsureContract;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.TokenSet;
import dev.ssokit.world.WorldSettings;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Contract scenarios: the target's responses keep their documented shape (probed with REST Assured). */
public final class ContractSteps {
    private final ScenarioContext scenario;
    private TokenSet firstToken;
    private Map.Entry<Integer, String> refreshAnswer;

    public ContractSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** The contract's own token: IdS grants a Finesse session directly, no client under test involved. */
    @Given("IdS has granted agent {string} a token, without any client")
    public void grantedToken(String agent) {
        String session = scenario.world().openFinesseSession(scenario.agent(agent));
        firstToken = parse(scenario.contract().tokenWithSession(session, scenario.agent(agent).loginName()));
        scenario.check(new EnsureClientReported("K1", "a token for the contract probes", agent,
                firstToken == null ? null : firstToken.userId()));
    }

    @When("the contract probe refreshes that token after {int} seconds")
    public void probeRefresh(int seconds) {
        scenario.world().clock().advance(Duration.ofSeconds(seconds));
        refreshAnswer = scenario.contract().refresh(firstToken.userId(), firstToken.accessToken().reveal(),
                firstToken.refreshToken().reveal());
    }

    @Then("the refresh answers 200 with a new access token and a refresh_token")
    public void refreshAnswered() {
        scenario.check(new EnsureContract("refresh answer: 200, token JSON with token and refresh_token (8.5)",
                () -> {
                    TokenSet fresh = refreshAnswer.getKey() == 200 ? parse(refreshAnswer.getValue()) : null;
                    if (fresh == null) {
                        return List.of("the refresh answered " + refreshAnswer.getKey());
                    }
                    return fresh.hasRefreshToken() && !fresh.accessToken().reveal().equals(firstToken.accessToken()
                            .reveal()) ? List.of() : List.of("no new access token or no refresh_token in the answer");
                }));
    }

    @Then("reusing the first refresh token is accepted, as nothing says it stops working")
    public void reusedRefreshTokenAccepted() {
        scenario.check(new EnsureContract("a used refresh token stays valid by default (a stub choice, 8.5)",
                () -> {
                    TokenSet fresh = parse(refreshAnswer.getValue());
                    Map.Entry<Integer, String> again = scenario.contract().refresh(firstToken.userId(),
                            fresh.accessToken().reveal(), firstToken.refreshToken().reveal());
                    return again.getKey() == 200 ? List.of() : List.of("the reuse answered " + again.getKey());
                }, "V4"));
    }

    @Then("IdS's public key answers 401 without client credentials and the PEM with them")
    public void publicKeyProtected() {
        scenario.check(new EnsureContract("the public key behind client credentials (8.7)",
                () -> scenario.contract().publicKeyBehindClientCredentials(WorldSettings.FINESSE_CLIENT_ID,
                        WorldSettings.FINESSE_CLIENT_SECRET), "V1"));
    }

    private TokenSet parse(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            return new TokenSet(dev.ssokit.model.Secret.of(node.path("token").asText()),
                    node.hasNonNull("refresh_token") ? dev.ssokit.model.Secret.of(node.path("refresh_token").asText())
                            : null, node.path("expires_in").asLong(), node.path("user_id").asText(),
                    node.path("realm").asText(), node.path("user_principal").asText(),
                    scenario.world().clock().instant());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Then("SystemInfo answers without credentials in its documented shape")
    public void systemInfo() {
        scenario.check(new EnsureContract("SystemInfo: 200 application/xml with systemAuthMode, deploymentType, "
                + "status, uri", () -> scenario.contract().systemInfo()));
    }

    @Then("UserAuthMode for {string} answers 200 with authMode {authMode}")
    public void userAuthMode(String user, AuthMode mode) {
        scenario.check(new EnsureContract("UserAuthMode: 200 <UserAuthMode><authMode>",
                () -> scenario.contract().userAuthMode(user, 200, mode.name())));
    }

    @Then("UserAuthMode for {string} answers {int} with ApiErrors {string}")
    public void userAuthModeError(String user, int status, String errorType) {
        scenario.check(new EnsureContract("UserAuthMode refusal: " + status + " ApiErrors " + errorType,
                () -> scenario.contract().userAuthMode(user, status, errorType)));
    }

    @Then("a User request without credentials is refused with {int} ApiErrors {string}")
    public void userWithoutCredentials(int status, String errorType) {
        scenario.check(new EnsureContract("User without credentials: " + status + " ApiErrors " + errorType,
                () -> scenario.contract().refused("GET", "/finesse/api/User/98411", null, null, null, status, errorType)));
    }

    @Then("SystemInfo answers {int} ApiErrors {string}")
    public void systemInfoRefused(int status, String errorType) {
        scenario.check(new EnsureContract("SystemInfo while out of service: " + status + " ApiErrors " + errorType,
                () -> scenario.contract().refused("GET", "/finesse/api/SystemInfo", null, null, null, status, errorType)));
    }

    @Then("an unknown Finesse API path answers {int} ApiErrors {string}")
    public void unknownPath(int status, String errorType) {
        scenario.check(new EnsureContract("unknown path: " + status + " ApiErrors " + errorType,
                () -> scenario.contract().refused("GET", "/finesse/api/NoSuchObject", null, null, null, status,
                        errorType)));
    }

    @Then("the token response has its six fields and RS256 JWTs lasting {int} seconds, signed with IdS's key")
    public void tokenResponse(int seconds) {
        scenario.check(new EnsureContract("token JSON and JWT shape (§2.3, §2.4)",
                () -> scenario.lastTokenResponseBody().map(body -> scenario.contract()
                        .tokenResponse(body, firstToken.userId(), seconds))
                        .orElse(List.of("no token response was observed"))));
    }

    @Then("GET User {string} with the token answers the User object of loginId {string}")
    public void userObject(String id, String loginId) {
        scenario.check(new EnsureContract("User object: loginId, loginName, uri echoing the id",
                () -> scenario.contract().userObject(id, firstToken.accessToken().reveal(), loginId, firstToken.userId())));
    }

    @Then("PUT LOGIN for loginId {string} with extension {string} answers 202 with no body")
    public void signIn(String loginId, String extension) {
        scenario.check(new EnsureContract("sign-in PUT: 202 Accepted, empty body",
                () -> scenario.contract().signIn(loginId, firstToken.accessToken().reveal(), extension)));
    }

    @Then("PUT LOGIN to {string} is refused with {int} ApiErrors {string}")
    public void signInRefused(String id, int status, String errorType) {
        scenario.check(new EnsureContract("refused PUT to " + id, () -> scenario.contract().refused("PUT",
                "/finesse/api/User/" + id, "Bearer " + firstToken.accessToken().reveal(), "application/xml",
                "<User><state>LOGIN</state><extension>98411</extension></User>", status, errorType)));
    }

    @Then("PUT LOGIN as {string} is refused with {int} ApiErrors {string}")
    public void signInWrongContentType(String contentType, int status, String errorType) {
        scenario.check(new EnsureContract("PUT as " + contentType, () -> scenario.contract().refused("PUT",
                "/finesse/api/User/98411", "Bearer " + firstToken.accessToken().reveal(), contentType,
                "<User><state>LOGIN</state><extension>98411</extension></User>", status, errorType)));
    }

    @Then("GET User {string} with the expired token is refused with {int} ApiErrors {string}")
    public void expiredToken(String id, int status, String errorType) {
        scenario.check(new EnsureContract("expired token", () -> scenario.contract().refused("GET",
                "/finesse/api/User/" + id, "Bearer " + firstToken.accessToken().reveal(), null, null, status, errorType)));
    }

    @Then("reusing the first refresh token is refused with 401")
    public void reusedRefreshToken() {
        scenario.check(new EnsureContract("where IdS revokes used refresh tokens, the old one is refused",
                () -> scenario.contract().refreshRefused(firstToken.userId(), parse(refreshAnswer.getValue())
                        .accessToken().reveal(), firstToken.refreshToken().reveal()), "V4"));
    }

    @Then("a token request without cc_username answers 400")
    public void tokenWithoutUsername() {
        scenario.check(new EnsureContract("token request without cc_username (an inference, 8.14)",
                () -> scenario.contract().tokenWithoutUsername(), "V4"));
    }

    @Then("a token request for {string} redirects to IdS authorize with the OAuth parameters")
    public void tokenRedirect(String user) {
        scenario.check(new EnsureContract("token request redirect (§2.5)",
                () -> scenario.contract().tokenRedirectsToIds(user)));
    }

    @Then("IdS refuses authorize for client_id {string}")
    public void authorizeUnknownClient(String clientId) {
        scenario.check(new EnsureContract("authorize with an unknown client_id", () -> scenario.contract()
                .authorizeRefuses(clientId, scenario.target().map(t -> t.finesse())
                        .orElseGet(() -> scenario.world().finesseBaseUri()) + "/desktop/sso/authcode")));
    }

    @Then("IdS refuses authorize for redirect_uri {string}")
    public void authorizeUnregisteredRedirect(String redirectUri) {
        scenario.check(new EnsureContract("authorize with an unregistered redirect_uri",
                () -> scenario.contract().authorizeRefuses(WorldSettings.FINESSE_CLIENT_ID, redirectUri)));
    }
}
