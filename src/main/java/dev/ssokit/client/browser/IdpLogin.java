package dev.ssokit.client.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssokit.client.ClientSettings;
import dev.ssokit.client.Defect;
import dev.ssokit.client.FinesseAnswers;
import dev.ssokit.client.idp.PresetFlow;
import dev.ssokit.model.Credentials;
import dev.ssokit.model.Outcome;
import dev.ssokit.model.TokenSet;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;

/**
 * The browser part of a token flow: from the first page to the terminal token JSON, through the IdP's login
 * pages (by preset, or the target's login form), with the password going only where S1 allows.
 */
final class IdpLogin {
    private static final int MAX_PAGES_IN_FLOW = 12;

    private final ClientSettings settings;
    private final PageDriver driver;

    IdpLogin(ClientSettings settings, PageDriver driver) {
        this.settings = settings;
        this.driver = driver;
    }

    /** Runs the flow from a first page to the token JSON (or a clear failure); held is the token before it. */
    Outcome<TokenSet> driveToToken(Page start, Credentials credentials, TokenSet held) throws IOException {
        Page page = start;
        boolean credentialsSubmitted = false;
        PresetFlow presets = new PresetFlow(settings.idpLoginForm().presets(), settings.defects());
        PresetFlow.LoginSubmitter submitter = (form, usernameField, passwordField, clickSelector) ->
                submitLogin(form, usernameField, passwordField, credentials);
        for (int step = 0; step < MAX_PAGES_IN_FLOW; step++) {
            page = driver.settle(page);
            WebResponse response = page.getWebResponse();
            if (isJson(response) && !settings.has(Defect.RENDERS_TOKEN_JSON)) {
                if (settings.has(Defect.EXPECTS_LOGIN_FORM) && !credentialsSubmitted && credentials != null) {
                    return Outcome.failed("The IdP showed no login form to fill");
                }
                return readTokenResponse(response, held);
            }
            PresetFlow.Next next = presets.advance(page, credentials, submitter);
            if (next.failure() != null) {
                return Outcome.failed(next.failure());
            }
            if (next.page() != null) {
                page = next.page();
                credentialsSubmitted = true;
                continue;
            }
            if (page instanceof HtmlPage html) {
                Optional<HtmlForm> login = loginForm(html);
                if (login.isPresent()) {
                    if (credentialsSubmitted) {
                        return Outcome.failed(FinesseAnswers.credentialsRefused(credentials.username(),
                                errorText(html).orElse("")) + " ("
                                + PageDriver.withoutQuery(response.getWebRequest().getUrl()) + ")");
                    }
                    if (credentials == null) {
                        return Outcome.failed("The flow reached the IdP login page, but no credentials are known");
                    }
                    page = submitLogin(login.get(), settings.idpLoginForm().usernameField(),
                            settings.idpLoginForm().passwordField(), credentials);
                    credentialsSubmitted = true;
                    continue;
                }
                return Outcome.failed((response.getStatusCode() >= 400 ? refuser(response) + " refused the flow. " : "")
                        + "The flow stopped on an HTML page at "
                        + PageDriver.withoutQuery(response.getWebRequest().getUrl()) + " (HTTP "
                        + response.getStatusCode() + ", title \"" + html.getTitleText() + "\"): it is neither the IdP "
                        + "login form nor the token JSON, and nothing moved on from it" + refusal(html)
                        + presets.unknownPage(html));
            }
            return Outcome.failed("The flow ended on HTTP " + response.getStatusCode() + " " + response.getContentType()
                    + " at " + PageDriver.withoutQuery(response.getWebRequest().getUrl()) + ", not on the token JSON");
        }
        return Outcome.failed("The flow went through more than " + MAX_PAGES_IN_FLOW + " pages without a token");
    }

    private Optional<HtmlForm> loginForm(HtmlPage html) {
        for (HtmlForm form : html.getForms()) {
            if (!form.getInputsByName(settings.idpLoginForm().usernameField()).isEmpty()
                    && !form.getInputsByName(settings.idpLoginForm().passwordField()).isEmpty()) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    private Page submitLogin(HtmlForm form, String usernameField, String passwordField, Credentials credentials)
            throws IOException {
        // S1: the password goes only over https, to the origin that served the login page (presets included)
        Optional<String> refused = settings.has(Defect.POSTS_PASSWORD_ANYWHERE) ? Optional.empty()
                : LoginFormPolicy.refusal(form, credentials.username());
        if (refused.isPresent()) {
            throw new HopStopped(refused.get());
        }
        if (settings.has(Defect.IGNORES_FORM_ACTION)) {
            WebRequest post = new WebRequest(form.getPage().getUrl(), HttpMethod.POST);
            post.setRequestParameters(List.of(
                    new NameValuePair(usernameField, credentials.username()),
                    new NameValuePair(passwordField, credentials.password().reveal())));
            return driver.browser().getPage(post);
        }
        HtmlInput user = form.getInputByName(usernameField);
        HtmlInput password = form.getInputByName(passwordField);
        user.setValue(credentials.username());
        password.setValue(credentials.password().reveal());
        List<HtmlElement> buttons = form.getElementsByAttribute("input", "type", "submit");
        if (buttons.isEmpty()) {
            buttons = form.getElementsByAttribute("button", "type", "submit");
        }
        if (buttons.isEmpty() && form.getPage().getElementById("submitButton") instanceof HtmlElement adfsButton) {
            buttons = List.of(adfsButton);
        }
        if (!buttons.isEmpty()) {
            return buttons.get(0).click();
        }
        form.submit(null);
        return form.getPage().getEnclosingWindow().getEnclosedPage();
    }

    /** What an error page (HTTP 4xx/5xx) says, so the report names who refused and why. */
    private static String refusal(HtmlPage html) {
        int status = html.getWebResponse().getStatusCode();
        if (status < 400) {
            return "";
        }
        String text = html.getBody() == null ? "" : html.getBody().asNormalizedText().replaceAll("\\s+", " ").trim();
        return "; the server refused with HTTP " + status + ": \"" + (text.length() > 300 ? text.substring(0, 300) + "..."
                : text) + "\"";
    }

    private Optional<String> errorText(HtmlPage html) {
        DomElement error = html.getElementById(settings.idpLoginForm().errorElementId());
        return error == null ? Optional.empty() : Optional.of(error.asNormalizedText().trim()).filter(t -> !t.isEmpty());
    }

    private Outcome<TokenSet> readTokenResponse(WebResponse response, TokenSet held) {
        Optional<JsonNode> json = FinesseAnswers.json(response.getContentAsString());
        if (json.isEmpty()) {
            return Outcome.failed("The token response is not valid JSON (HTTP " + response.getStatusCode() + " from "
                    + PageDriver.withoutQuery(response.getWebRequest().getUrl()) + ")");
        }
        if (response.getStatusCode() != 200) {
            return Outcome.failed(FinesseAnswers.tokenRefused(refuser(response), response.getStatusCode(), json.get()));
        }
        return FinesseAnswers.token(json.get(), held, settings.clock().instant(),
                settings.has(Defect.ACCEPTS_INCOMPLETE_TOKEN_RESPONSE));
    }

    /** Who answered the refusal: IdS (its paths live under /ids/), or Finesse. */
    private static String refuser(WebResponse response) {
        return response.getWebRequest().getUrl().getPath().startsWith("/ids/") ? "IdS" : "Finesse";
    }

    private static boolean isJson(WebResponse response) {
        String type = response.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }
}
