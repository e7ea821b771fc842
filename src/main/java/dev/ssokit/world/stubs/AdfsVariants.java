package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ssokit.model.Agent;
import dev.ssokit.world.SsoState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The AD FS page variants of finesse-sso-protocol.md §8.9, chosen by the world's IdP preset:
 * adfs-options (the options form beside loginForm; Sign in is a span running Login.submitLoginRequest(), which
 * checks the user name format), adfs-hrd (home realm discovery first), adfs-session (an open AD FS session answers
 * at once), adfs-wia / adfs-wia-all (Windows Integrated Authentication for IE-like User-Agents / for every one:
 * 401 Negotiate), adfs-loop (loop detection: a 6th token within 20 s gets MSIS7042).
 */
final class AdfsVariants {
    /** AD FS's default WIASupportedUserAgents are Internet Explorer and Windows system components. */
    private static final Pattern WIA_USER_AGENTS = Pattern.compile("MSIE|Trident/7\\.0|MSIPC|Windows Rights Management");
    private static final Duration LOOP_WINDOW = Duration.ofSeconds(20);
    private static final int LOOP_TOKENS = 5;

    private AdfsVariants() {
    }

    static boolean optionsPage(StubContext context) {
        String preset = context.settings.idpPreset();
        return preset.equals("adfs-options") || preset.equals("adfs-hrd");
    }

    /** An answer that replaces the plain login page, if this variant has one for the request. */
    static Optional<ResponseDefinition> before(StubContext context, Request request, String authnRequest,
                                               String samlRequest, String relayState, boolean postBinding) {
        String preset = context.settings.idpPreset();
        boolean firstArrival = !RequestMethod.POST.equals(request.getMethod()) || postBinding;
        if (preset.startsWith("adfs-wia") && firstArrival) {
            String agent = request.getHeader("User-Agent");
            if (preset.equals("adfs-wia-all") || (agent != null && WIA_USER_AGENTS.matcher(agent).find())) {
                return Optional.of(ResponseDefinitionBuilder.responseDefinition().withStatus(401)
                        .withHeader("WWW-Authenticate", "Negotiate").withHeader("Content-Type", "text/html;charset=utf-8")
                        .withBody("<html><head><title>401 - Unauthorized</title></head><body><h1>Unauthorized</h1>"
                                + "</body></html>").build());
            }
        }
        if ((preset.equals("adfs-session") || preset.equals("adfs-loop")) && firstArrival) {
            Optional<SsoState.IdpSession> session = Requests.cookie(request, "MSISAuth")
                    .map(context.state.idpSessions::get);
            if (session.isPresent()) {
                Instant now = context.clock.instant();
                long recent = session.get().tokensIssued.stream()
                        .filter(t -> Duration.between(t, now).compareTo(LOOP_WINDOW) < 0).count();
                if (preset.equals("adfs-loop") && recent >= LOOP_TOKENS) {
                    return Optional.of(Answers.html(400, "<!DOCTYPE html><html><head><title>Sign In</title></head>"
                            + "<body><div id=\"errorArea\"><div id=\"openingMessage\">An error occurred</div><div "
                            + "id=\"errorMessage\">The browser is sending the same request repeatedly. MSIS7042: The "
                            + "same client browser session has made '" + (recent + 1) + "' requests in the last '20' "
                            + "seconds. Contact your administrator for details.</div></div></body></html>"));
                }
                session.get().tokensIssued.add(now);
                Agent agent = context.directory.require(session.get().loginName);
                return Optional.of(IdpStubs.samlAnswer(context, authnRequest, relayState, agent));
            }
        }
        if (preset.equals("adfs-hrd") && firstArrival && Requests.form(request, "HomeRealmSelection").isEmpty()) {
            return Optional.of(hrdPage(samlRequest, relayState));
        }
        if (preset.equals("adfs-hrd") && Requests.form(request, "HomeRealmSelection").isPresent()) {
            return Optional.of(loginPage(samlRequest, relayState, null));
        }
        return Optional.empty();
    }

    /** After a right password: the AD FS session cookie's value (a remembered session in the session variants). */
    static String openSession(StubContext context, Agent agent) {
        String id = SsoState.randomId(16);
        String preset = context.settings.idpPreset();
        if (preset.equals("adfs-session") || preset.equals("adfs-loop")) {
            SsoState.IdpSession session = new SsoState.IdpSession(agent.loginName());
            session.tokensIssued.add(context.clock.instant());
            context.state.idpSessions.put(id, session);
        }
        return id;
    }

    private static String action(String samlRequest, String relayState) {
        return "/adfs/ls/?SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8) + "&RelayState="
                + URLEncoder.encode(relayState, StandardCharsets.UTF_8) + "&client-request-id=" + UUID.randomUUID();
    }

    static ResponseDefinition hrdPage(String samlRequest, String relayState) {
        return Answers.html(200, "<!DOCTYPE html><html lang=\"en-US\"><head><title>Sign In</title></head><body>"
                + "<div id=\"hrdArea\"><form method=\"post\" id=\"hrd\" action=\""
                + Answers.escape(action(samlRequest, relayState)) + "\"><input id=\"hrdSelection\" type=\"hidden\" "
                + "name=\"HomeRealmSelection\" value=\"\"/></form><div id=\"openingMessage\">Sign in with one of these "
                + "accounts</div><div id=\"bySelection\"><div class=\"idp\" tabindex=\"1\" role=\"button\" "
                + "data-realm=\"AD AUTHORITY\" onclick=\"HRD.selection(this)\"><span class=\"largeTextNoWrap "
                + "indentNonCollapsible\">Active Directory</span></div><div class=\"idp\" tabindex=\"2\" role=\"button\" "
                + "data-realm=\"http://partner.example/adfs/services/trust\" onclick=\"HRD.selection(this)\"><span "
                + "class=\"largeTextNoWrap indentNonCollapsible\">Partner organisation</span></div></div></div>"
                + "<script type=\"text/javascript\">var HRD = { selection: function (element) { "
                + "document.getElementById('hrdSelection').value = element.getAttribute('data-realm'); "
                + "document.forms['hrd'].submit(); return false; } };</script></body></html>");
    }

    /** AD FS 2019's sign-in page: the options form first, loginForm with a span as its Sign in control. */
    static ResponseDefinition loginPage(String samlRequest, String relayState, String error, String... cookies) {
        String action = Answers.escape(action(samlRequest, relayState));
        return Answers.html(200, "<!DOCTYPE html><html lang=\"en-US\"><head><title>Sign In</title></head><body>"
                + "<form method=\"post\" id=\"options\" class=\"hidden\" action=\"" + action + "\"><input "
                + "id=\"optionSelection\" type=\"hidden\" name=\"AuthMethod\"/></form>"
                + "<div id=\"loginArea\"><form method=\"post\" id=\"loginForm\" autocomplete=\"off\" novalidate="
                + "\"novalidate\" onKeyPress=\"if (event &amp;&amp; event.keyCode == 13) Login.submitLoginRequest();\" "
                + "action=\"" + action + "\"><div id=\"error\" class=\"fieldMargin error smallText\"><span "
                + "id=\"errorText\" for=\"\">" + Answers.escape(error == null ? "" : error) + "</span></div>"
                + "<div id=\"formsAuthenticationArea\"><div id=\"userNameArea\"><input id=\"userNameInput\" "
                + "name=\"UserName\" type=\"email\" value=\"\" tabindex=\"1\" placeholder=\"someone@example.com\"/></div>"
                + "<div id=\"passwordArea\"><input id=\"passwordInput\" name=\"Password\" type=\"password\" "
                + "tabindex=\"2\" placeholder=\"Password\"/></div><input id=\"optionForms\" type=\"hidden\" "
                + "name=\"AuthMethod\" value=\"FormsAuthentication\"/><div id=\"submissionArea\" class=\"submitMargin\">"
                + "<span id=\"submitButton\" class=\"submit\" tabindex=\"4\" role=\"button\" onKeyPress=\"if (event "
                + "&amp;&amp; event.keyCode == 32) Login.submitLoginRequest();\" onclick=\"return "
                + "Login.submitLoginRequest();\">Sign in</span></div></div></form></div>"
                + "<script type=\"text/javascript\">var Login = { submitLoginRequest: function () { "
                + "var u = document.getElementById('userNameInput'); var p = document.getElementById('passwordInput'); "
                + "var e = document.getElementById('errorText'); "
                + "if (!u.value || !u.value.match('[@\\\\\\\\]')) { e.innerHTML = 'Enter your user ID in the format "
                + "\"domain\\\\user\" or \"user@domain\".'; u.focus(); return false; } "
                + "if (!p.value) { e.innerHTML = 'Enter your password.'; p.focus(); return false; } "
                + "document.forms['loginForm'].submit(); return false; } };</script></body></html>", cookies);
    }
}
