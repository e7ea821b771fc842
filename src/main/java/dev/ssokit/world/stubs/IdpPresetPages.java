package dev.ssokit.world.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import dev.ssokit.world.SsoState;
import java.io.IOException;
import java.util.Optional;

/**
 * The stub IdP's pages for the non-AD FS presets (stubs/idp/mappings/&lt;preset&gt;/ route to them), chosen by the
 * world's IdP preset: an Entra-like identifier-first sign-in, an Okta-like widget, a Ping-like form. Each keeps
 * the pending AuthnRequest behind a flow token and answers a right sign-in with the signed SAML auto-POST page.
 */
final class IdpPresetPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdpPresetPages() {
    }

    static String ssoPath(String preset) {
        String name = preset == null ? "adfs" : preset;
        if (name.startsWith("entra")) {
            return "/finesse.com/saml2";
        }
        if (name.startsWith("okta")) {
            return "/app/finesse/exk1cisco/sso/saml";
        }
        if (name.startsWith("ping")) {
            return "/idp/SSO.saml2";
        }
        if (name.startsWith("shibboleth")) {
            return "/idp/profile/SAML2/Redirect/SSO";
        }
        return "/adfs/ls/";
    }

    /** A new flow from the AuthnRequest of this request (Redirect or POST binding), or empty if it carries none. */
    static Optional<String> startFlow(StubContext context, Request request) {
        Optional<String> xml = Requests.query(request, "SAMLRequest").flatMap(Saml::decodeAndInflate);
        String relayState = Requests.query(request, "RelayState").orElse("");
        if (xml.isEmpty() && Requests.form(request, "SAMLRequest").isPresent()) {
            xml = Requests.form(request, "SAMLRequest").flatMap(Saml::decode);
            relayState = Requests.form(request, "RelayState").orElse("");
        }
        if (xml.isEmpty() || Saml.attribute(xml.get(), "ID").isEmpty()) {
            return Optional.empty();
        }
        String token = SsoState.randomId(20);
        context.state.idpFlows.put(token, new SsoState.IdpFlow(xml.get(), relayState));
        return Optional.of(token);
    }

    static ResponseDefinition noRequest() {
        return Answers.errorPage(400, "Sign-in error", "No valid SAML request: start from the service provider.");
    }

    static ResponseDefinition finish(StubContext context, String flowToken, Agent agent, String... cookies) {
        SsoState.IdpFlow flow = context.state.idpFlows.remove(flowToken);
        return IdpStubs.samlAnswer(context, flow.authnRequestXml(), flow.relayState(), agent, cookies);
    }

    /** Entra-like: user name page, password page, "Stay signed in?" page; buttons are script-driven. */
    static final class Entra extends StubBehaviour {
        Entra(StubContext context) {
            super("idp-entra", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            String path = request.getUrl().replaceAll("\\?.*", "");
            if (path.endsWith("/saml2")) {
                return startFlow(context, request).map(t -> userNamePage(t, "")).orElseGet(IdpPresetPages::noRequest);
            }
            String flow = Requests.form(request, "flowToken").filter(context.state.idpFlows::containsKey).orElse("");
            if (flow.isEmpty()) {
                return Answers.errorPage(400, "Sign-in error", "AADSTS90100: flowToken parameter is empty or not valid.");
            }
            if (path.endsWith("/kmsi")) {
                String login = Requests.form(request, "login").orElse("");
                return finish(context, flow, context.directory.findByIdpLoginName(login)
                                .orElseGet(() -> context.directory.require(login)),
                        "ESTSAUTH=" + SsoState.randomId(16) + "; Path=/; Secure; HttpOnly; SameSite=None");
            }
            String login = Requests.form(request, "login").or(() -> Requests.form(request, "loginfmt")).orElse("");
            Optional<String> password = Requests.form(request, "passwd");
            if (password.isEmpty()) {
                return context.directory.findByIdpLoginName(login).isPresent()
                        ? passwordPage(flow, login, "")
                        : userNamePage(flow, "This username may be incorrect. Make sure you typed it correctly.");
            }
            Optional<Agent> agent = IdpStubs.authenticate(context, login, password.get());
            if (agent.isEmpty()) {
                return passwordPage(flow, login, "Your account or password is incorrect. If you don't remember your "
                        + "password, reset it now.");
            }
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
                    + "<form id=\"kmsiForm\" name=\"f1\" method=\"post\" action=\"/kmsi\"><div class=\"row text-title\">"
                    + "Stay signed in?</div><div>Do this to reduce the number of times you are asked to sign in.</div>"
                    + hidden("flowToken", flow) + hidden("login", login) + "<input type=\"hidden\" name=\"LoginOptions\" "
                    + "id=\"kmsiLoginOptions\" value=\"3\"/><input type=\"button\" id=\"idBtn_Back\" value=\"No\" onclick="
                    + "\"document.getElementById('kmsiLoginOptions').value='3'; document.forms['f1'].submit();\"/>"
                    + "<input type=\"submit\" id=\"idSIButton9\" value=\"Yes\" onclick=\"document.getElementById("
                    + "'kmsiLoginOptions').value='1';\"/></form></body></html>");
        }

        private static ResponseDefinition userNamePage(String flow, String error) {
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
                    + "<form name=\"f1\" id=\"i0281\" novalidate=\"novalidate\" method=\"post\" action=\"/common/login\">"
                    + hidden("flowToken", flow) + "<div role=\"heading\">Sign in</div><div id=\"usernameError\" "
                    + "role=\"alert\">" + Answers.escape(error) + "</div><input type=\"email\" name=\"loginfmt\" "
                    + "id=\"i0116\" placeholder=\"Email, phone, or Skype\"/><input type=\"button\" id=\"idSIButton9\" "
                    + "value=\"Next\" onclick=\"Login.next()\"/></form><script>var Login = { next: function () { "
                    + "var v = document.getElementById('i0116').value; if (!v) { document.getElementById("
                    + "'usernameError').textContent = 'Enter a valid email address, phone number, or Skype name.'; "
                    + "return; } document.forms['f1'].submit(); } };</script></body></html>");
        }

        private static ResponseDefinition passwordPage(String flow, String login, String error) {
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
                    + "<form name=\"f1\" id=\"i0281\" novalidate=\"novalidate\" method=\"post\" action=\"/common/login\">"
                    + hidden("flowToken", flow) + hidden("login", login) + "<div role=\"heading\">Enter password</div>"
                    + "<div id=\"passwordError\" role=\"alert\">" + Answers.escape(error) + "</div><input "
                    + "type=\"password\" name=\"passwd\" id=\"i0118\" placeholder=\"Password\"/><input type=\"button\" "
                    + "id=\"idSIButton9\" value=\"Sign in\" onclick=\"if (document.getElementById('i0118').value) "
                    + "document.forms['f1'].submit();\"/></form></body></html>");
        }
    }

    /** Okta-like sign-in widget: the page script builds the form and posts the credentials by XHR. */
    static final class Okta extends StubBehaviour {
        Okta(StubContext context) {
            super("idp-okta", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<SsoState.IdpSession> session = Requests.cookie(request, "sid").map(context.state.idpSessions::get);
            Optional<String> flow = startFlow(context, request);
            if (flow.isEmpty()) {
                return noRequest();
            }
            if (session.isPresent()) {
                return finish(context, flow.get(), context.directory.require(session.get().loginName));
            }
            String resume = ssoPath("okta") + "?" + request.getUrl().replaceAll("^[^?]*\\??", "");
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Okta - Sign In</title></head><body>"
                    + "<div id=\"okta-sign-in\" class=\"auth-container\"></div><script type=\"text/javascript\">"
                    + "(function () { var c = document.getElementById('okta-sign-in'); var resume = "
                    + JSON.valueToTree(resume) + "; c.innerHTML = '<form id=\"form19\" class=\"o-form\">"
                    + "<div class=\"okta-form-infobox-error\" style=\"display:none\"></div><input id=\"okta-signin-"
                    + "username\" name=\"username\" type=\"text\"/><input id=\"okta-signin-password\" name=\"password\" "
                    + "type=\"password\"/><input id=\"okta-signin-submit\" class=\"button\" type=\"submit\" "
                    + "value=\"Sign In\"/></form>'; var f = c.querySelector('form'); f.addEventListener('submit', "
                    + "function (ev) { ev.preventDefault(); var x = new XMLHttpRequest(); x.open('POST', "
                    + "'/api/v1/authn', true); x.setRequestHeader('Content-Type', 'application/json'); "
                    + "x.setRequestHeader('Accept', 'application/json'); x.onload = function () { if (x.status == 200) "
                    + "{ var r = JSON.parse(x.responseText); window.location.href = '/login/sessionCookieRedirect?"
                    + "token=' + encodeURIComponent(r.sessionToken) + '&redirectUrl=' + encodeURIComponent(resume); } "
                    + "else { var e = c.querySelector('.okta-form-infobox-error'); e.style.display = 'block'; "
                    + "e.textContent = 'Unable to sign in'; } }; x.send(JSON.stringify({username: "
                    + "document.getElementById('okta-signin-username').value, password: document.getElementById("
                    + "'okta-signin-password').value, options: {warnBeforePasswordExpired: true}})); }); })();"
                    + "</script></body></html>");
        }
    }

    /** POST /api/v1/authn (JSON): a session token for right credentials, 401 E0000004 otherwise. */
    static final class OktaAuthn extends StubBehaviour {
        OktaAuthn(StubContext context) {
            super("idp-okta-authn", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            JsonNode body;
            try {
                body = JSON.readTree(request.getBodyAsString());
            } catch (IOException e) {
                return Answers.json(400, "{\"errorCode\":\"E0000003\",\"errorSummary\":\"The request body was not "
                        + "well-formed.\"}");
            }
            Optional<Agent> agent = IdpStubs.authenticate(context, body.path("username").asText(""),
                    body.path("password").asText(""));
            if (agent.isEmpty()) {
                return Answers.json(401, "{\"errorCode\":\"E0000004\",\"errorSummary\":\"Authentication failed\"}");
            }
            String token = SsoState.randomId(24);
            context.state.idpSessions.put("token:" + token, new SsoState.IdpSession(agent.get().loginName()));
            return Answers.json(200, "{\"status\":\"SUCCESS\",\"sessionToken\":\"" + token + "\"}");
        }
    }

    /** GET /login/sessionCookieRedirect: trades the session token for the sid cookie, then back to the app. */
    static final class OktaRedirect extends StubBehaviour {
        OktaRedirect(StubContext context) {
            super("idp-okta-redirect", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<SsoState.IdpSession> traded = Requests.query(request, "token")
                    .map(t -> context.state.idpSessions.remove("token:" + t));
            String target = Requests.query(request, "redirectUrl").orElse("");
            if (traded.isEmpty() || !target.startsWith("/")) {
                return Answers.errorPage(403, "Okta", "The session token is not valid or the redirect is not local.");
            }
            String sid = SsoState.randomId(20);
            context.state.idpSessions.put(sid, traded.get());
            return Answers.redirect(302, target, "sid=" + sid + "; Path=/; Secure; HttpOnly; SameSite=None");
        }
    }

    /** Ping-like HTML form adapter: pf.username, pf.pass, and a Sign On link whose script sets pf.ok. */
    static final class Ping extends StubBehaviour {
        Ping(StubContext context) {
            super("idp-ping", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<String> flow = Requests.query(request, "flow").filter(context.state.idpFlows::containsKey);
            if (flow.isEmpty()) {
                return startFlow(context, request).map(t -> page(t, "")).orElseGet(IdpPresetPages::noRequest);
            }
            if (!RequestMethod.POST.equals(request.getMethod())
                    || !"clicked".equals(Requests.form(request, "pf.ok").orElse(""))) {
                return page(flow.get(), "");
            }
            Optional<Agent> agent = IdpStubs.authenticate(context, Requests.form(request, "pf.username").orElse(""),
                    Requests.form(request, "pf.pass").orElse(""));
            if (agent.isEmpty()) {
                return page(flow.get(), "We didn't recognize the username or password you entered. Please try again.");
            }
            return finish(context, flow.get(), agent.get(), "PF=" + SsoState.randomId(16) + "; Path=/; Secure; HttpOnly");
        }

        private static ResponseDefinition page(String flow, String error) {
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Sign On</title></head><body><div "
                    + "class=\"ping-container\"><form method=\"POST\" action=\"/idp/resumeSAML20/idp/SSO.ping?flow="
                    + flow + "\" autocomplete=\"off\"><div class=\"ping-error\">" + Answers.escape(error) + "</div>"
                    + "<input type=\"text\" id=\"username\" name=\"pf.username\" value=\"\"/><input type=\"password\" "
                    + "id=\"password\" name=\"pf.pass\"/><input type=\"hidden\" name=\"pf.ok\" value=\"\"/><input "
                    + "type=\"hidden\" name=\"pf.cancel\" value=\"\"/><a href=\"#\" id=\"signOnButton\" class=\""
                    + "ping-button normal allow\" onclick=\"postOk(); return false;\">Sign On</a></form></div><script>"
                    + "function postOk() { document.forms[0]['pf.ok'].value = 'clicked'; document.forms[0].submit(); }"
                    + "</script></body></html>");
        }
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Answers.escape(value) + "\"/>";
    }
}
