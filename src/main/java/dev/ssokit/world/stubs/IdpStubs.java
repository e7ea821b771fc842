package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.TokenService.Identity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An AD FS-like IdP (finesse-sso-protocol.md §3 steps 5–6): a login form with UserName, Password and AuthMethod
 * posting to a relative action; a wrong password re-renders the form with an error and no SAMLResponse; a right
 * one answers the auto-POST page to the IdS ACS (script submits, noscript button as fallback).
 */
public final class IdpStubs {
    private IdpStubs() {
    }

    public static List<StubBehaviour> all(StubContext context) {
        return List.of(new Login(context), new IdpPresetPages.Entra(context), new IdpPresetPages.Okta(context),
                new IdpPresetPages.OktaAuthn(context), new IdpPresetPages.OktaRedirect(context),
                new IdpPresetPages.Ping(context), new IdpMetadata(context));
    }

    /** The stub IdP's signed Response, spoilt as the world's settings ask (tampered, stale, wrong audience). */
    static String signedResponse(StubContext context, String requestId, String acsUrl, String uid, String upn) {
        String fault = context.settings.samlResponseFault();
        java.time.Instant issued = "stale".equals(fault) ? context.clock.instant().minusSeconds(3600)
                : context.clock.instant();
        String audience = "wrong-audience".equals(fault) ? "https://other-sp.test/" : context.idsHost();
        String xml = context.idpTrust.stubIdpSigner().sign(Saml.response("_" + SsoState.randomId(16), requestId,
                acsUrl, audience, context.idp("/adfs/services/trust"), uid, upn, issued));
        if ("tampered".equals(fault)) {
            xml = xml.replace(">" + Answers.escape(uid) + "</saml:NameID>", ">administrator</saml:NameID>")
                    .replace("<saml:AttributeValue>" + Answers.escape(uid) + "</saml:AttributeValue>",
                            "<saml:AttributeValue>administrator</saml:AttributeValue>");
        }
        return Saml.encode(xml);
    }

    /** The auto-POST page carrying a signed Response for this agent to the AuthnRequest's ACS URL. */
    static ResponseDefinition samlAnswer(StubContext context, String authnRequestXml, String relayState, Agent agent,
                                         String... cookies) {
        String requestId = Saml.attribute(authnRequestXml, "ID").orElse("");
        String acsUrl = Saml.attribute(authnRequestXml, "AssertionConsumerServiceURL").orElse("");
        String uid = agent.uid();
        String samlResponse = signedResponse(context, requestId, acsUrl, uid, uid + "@" + context.directory.realm());
        return Answers.html(200, "<html><head><title>Working...</title></head><body><form method=\"POST\" "
                + "name=\"hiddenform\" action=\"" + Answers.escape(acsUrl) + "\"><input type=\"hidden\" name=\""
                + "SAMLResponse\" value=\"" + samlResponse + "\" /><input type=\"hidden\" name=\"RelayState\" value=\""
                + Answers.escape(relayState) + "\" /><noscript><p>Script is disabled. Click Submit to continue.</p>"
                + "<input type=\"submit\" value=\"Submit\" /></noscript></form><script language=\"javascript\">"
                + "window.setTimeout('document.forms[0].submit()', 0);</script></body></html>", cookies);
    }

    /**
     * The agent with this IdP login name and password, if both are right. The IdP knows its own account names (a
     * UPN or DOMAIN\\user, protocol 8.8), not the Finesse loginName; where users.json gives no idpLoginName the
     * two are the same.
     */
    static Optional<Agent> authenticate(StubContext context, String username, String password) {
        return context.directory.findByIdpLoginName(username).filter(a -> a.password().reveal().equals(password));
    }

    static final class Login extends StubBehaviour {
        Login(StubContext context) {
            super("idp-login", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<String> samlRequest = Requests.query(request, "SAMLRequest");
            String relayState = Requests.query(request, "RelayState").orElse("");
            Optional<String> authnRequest = samlRequest.flatMap(Saml::decodeAndInflate);
            boolean postBinding = samlRequest.isEmpty() && Requests.form(request, "SAMLRequest").isPresent();
            if (postBinding) {
                authnRequest = Requests.form(request, "SAMLRequest").flatMap(Saml::decode);
                relayState = Requests.form(request, "RelayState").orElse("");
                samlRequest = authnRequest.map(Saml::deflateAndEncode);
            }
            Optional<String> requestId = authnRequest.flatMap(xml -> Saml.attribute(xml, "ID"));
            Optional<String> acsUrl = authnRequest.flatMap(xml -> Saml.attribute(xml, "AssertionConsumerServiceURL"));
            if (requestId.isEmpty() || acsUrl.isEmpty()) {
                return Answers.errorPage(400, "An error occurred", "MSIS7065: no valid SAMLRequest in the request.");
            }
            Optional<ResponseDefinition> variant = AdfsVariants.before(context, request, authnRequest.get(),
                    samlRequest.get(), relayState, postBinding);
            if (variant.isPresent()) {
                return variant.get();
            }
            if (!RequestMethod.POST.equals(request.getMethod()) || postBinding) {
                return loginPage(samlRequest.get(), relayState, null,
                        "MSISContext=" + SsoState.randomId(12) + "; Path=/adfs; Secure; HttpOnly");
            }
            String username = Requests.form(request, "UserName").orElse("");
            String password = Requests.form(request, "Password").orElse("");
            Optional<Agent> agent = authenticate(context, username, password);
            if (agent.isEmpty()) {
                return loginPage(samlRequest.get(), relayState,
                        "Incorrect user ID or password. Type the correct user ID and password, and try again.");
            }
            String uid = agent.get().uid(); // the SAML uid attribute: IdS makes it the token's user_id (S13, S1)
            Identity identity = new Identity(uid, context.directory.realm(), uid + "@" + context.directory.realm());
            String samlResponse = context.settings.idpUnusableSamlResponse()
                    ? Saml.encode("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>")
                    : signedResponse(context, requestId.get(), acsUrl.get(), uid, identity.userPrincipal());
            String msisAuth = AdfsVariants.openSession(context, agent.get());
            return autoPostPage(acsUrl.get(), samlResponse, relayState, msisAuth);
        }

        private ResponseDefinition loginPage(String samlRequest, String relayState, String error, String... cookies) {
            if (AdfsVariants.optionsPage(context)) {
                return AdfsVariants.loginPage(samlRequest, relayState, error, cookies);
            }
            String action = "/adfs/ls/?SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8)
                    + "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8)
                    + "&client-request-id=" + UUID.randomUUID();
            String errorBlock = error == null ? "" : "<div id=\"error\" class=\"fieldMargin error smallText\">"
                    + "<span id=\"errorText\" for=\"\">" + Answers.escape(error) + "</span></div>";
            return Answers.html(200, "<!DOCTYPE html><html lang=\"en-US\"><head><title>Sign In</title></head><body>"
                    + "<div id=\"loginArea\"><form method=\"post\" id=\"loginForm\" autocomplete=\"off\" "
                    + "novalidate=\"novalidate\" action=\"" + Answers.escape(action) + "\">" + errorBlock
                    + "<div id=\"formsAuthenticationArea\"><div id=\"userNameArea\"><label for=\"userNameInput\">"
                    + "User Account</label><input id=\"userNameInput\" name=\"UserName\" type=\"email\" value=\"\" "
                    + "tabindex=\"1\"/></div><div id=\"passwordArea\"><label for=\"passwordInput\">Password</label>"
                    + "<input id=\"passwordInput\" name=\"Password\" type=\"password\" tabindex=\"2\"/></div>"
                    + "<input id=\"optionForms\" type=\"hidden\" name=\"AuthMethod\" value=\"FormsAuthentication\"/>"
                    + "<div id=\"submissionArea\"><input id=\"submitButton\" type=\"submit\" value=\"Sign in\"/>"
                    + "</div></div></form></div></body></html>", cookies);
        }

        private ResponseDefinition autoPostPage(String acsUrl, String samlResponse, String relayState, String msisAuth) {
            String failing = context.settings.idpFailingScript()
                    ? "<script>analytics.track('login-complete');</script>" : "";
            int delay = context.settings.idpSubmitDelayMillis();
            return Answers.typed(200, context.settings.idpPageContentType(),
                    "<html><head><title>Working...</title></head><body><form method=\"POST\" name=\"hiddenform\" "
                            + "action=\"" + Answers.escape(acsUrl) + "\"><input type=\"hidden\" name=\"SAMLResponse\" "
                            + "value=\"" + samlResponse + "\" /><input type=\"hidden\" name=\"RelayState\" value=\""
                            + Answers.escape(relayState) + "\" /><noscript><p>Script is disabled. Click Submit to "
                            + "continue.</p><input type=\"submit\" value=\"Submit\" /></noscript></form>" + failing
                            + "<script language=\"javascript\">window.setTimeout('document.forms[0].submit()', "
                            + delay + ");</script></body></html>",
                    "MSISAuth=" + msisAuth + "; Path=/adfs; Secure; HttpOnly");
        }
    }
}
