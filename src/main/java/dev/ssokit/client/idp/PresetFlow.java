package dev.ssokit.client.idp;

import dev.ssokit.client.Defect;
import dev.ssokit.model.Credentials;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;

/**
 * Drives one sign-in through the IdP pages with the presets: recognises the page, runs its steps, and says
 * precisely where it got stuck (which page, which step, what it found instead). One per token flow.
 */
public final class PresetFlow {
    /** How the client fills and submits a login form (its own rules and defects apply). */
    @FunctionalInterface
    public interface LoginSubmitter {
        Page submit(HtmlForm form, String usernameField, String passwordField, String clickSelector) throws IOException;
    }

    /** What happened on a page: moved on (page), a dead end (failure), or no preset knows the page (neither). */
    public record Next(Page page, String failure) {
        static Next none() {
            return new Next(null, null);
        }

        public boolean handled() {
            return page != null || failure != null;
        }
    }

    private static final int MAX_VISITS = 4;

    private final List<IdpPreset> presets;
    private final Set<Defect> defects;
    private final Map<String, Integer> visits = new HashMap<>();
    private final Set<String> credentialsEntered = new HashSet<>();

    public PresetFlow(List<IdpPreset> presets, Set<Defect> defects) {
        this.presets = defects.contains(Defect.NO_IDP_PRESETS) ? List.of() : presets;
        this.defects = defects;
    }

    public Next advance(Page page, Credentials credentials, LoginSubmitter submitter) throws IOException {
        Optional<Matched> found = match(page);
        if (found.isEmpty()) {
            return Next.none();
        }
        IdpPreset preset = found.get().preset();
        IdpPreset.Page known = found.get().page();
        String where = where(preset, known, page);
        if (known.fail() != null) {
            return new Next(null, known.fail() + " " + where);
        }
        String key = preset.name() + "/" + known.name();
        if (known.credentials() && credentialsEntered.contains(key)) {
            String said = page instanceof HtmlPage html ? errorText(html, known.error()) : "";
            return new Next(null, "The IdP did not accept the credentials of '" + (credentials == null ? "?"
                    : credentials.idpLoginName()) + "' (the IdP login name): it showed its " + known.name() + " page again"
                    + (said.isEmpty() ? "" : " saying \"" + said + "\"") + " " + where);
        }
        int seen = visits.merge(key, 1, Integer::sum);
        if (seen > MAX_VISITS) {
            return new Next(null, "The IdP showed its " + known.name() + " page " + seen + " times; the preset's "
                    + "steps do not get past it " + where);
        }
        if (known.credentials() && credentials == null) {
            return new Next(null, "The flow reached the IdP's " + known.name() + " page, but no credentials are known "
                    + where);
        }
        if (known.steps().isEmpty()) {
            return Next.none();
        }
        if (!(page instanceof HtmlPage html)) {
            return new Next(null, "The preset page '" + known.name() + "' has steps, but the response is not HTML "
                    + where);
        }
        Page current = html;
        for (int i = 0; i < known.steps().size(); i++) {
            IdpPreset.Step step = known.steps().get(i);
            try {
                Page after = perform(html, step, credentials, submitter);
                if (after != null) {
                    current = after;
                }
            } catch (StepFailed e) {
                return new Next(null, "Could not get through the IdP page " + where + ": step " + (i + 1) + " ("
                        + step.describe() + ") failed: " + e.getMessage() + "; the page has " + describe(html));
            }
        }
        if (known.credentials()) {
            credentialsEntered.add(key);
        }
        return new Next(current, null);
    }

    /** For a page no preset knows: what it has, so a person can write the preset that gets through it. */
    public String unknownPage(HtmlPage html) {
        if (presets.isEmpty()) {
            return "";
        }
        return "; no IdP preset matches it (known: " + presets.stream().map(IdpPreset::name)
                .collect(Collectors.joining(", ")) + "); the page has " + describe(html);
    }

    private record Matched(IdpPreset preset, IdpPreset.Page page) {
    }

    private Optional<Matched> match(Page page) {
        for (IdpPreset preset : presets) {
            for (IdpPreset.Page known : preset.pages()) {
                if (known.name().startsWith("home realm discovery") && defects.contains(Defect.SKIPS_HOME_REALM_DISCOVERY)) {
                    continue;
                }
                if (matches(known.match(), page)) {
                    return Optional.of(new Matched(preset, known));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(IdpPreset.Match match, Page page) {
        URL url = page.getUrl();
        String pathAndQuery = url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery());
        if (!Pattern.compile(match.url()).matcher(pathAndQuery).find()) {
            return false;
        }
        if (match.status() != 0 && page.getWebResponse().getStatusCode() != match.status()) {
            return false;
        }
        if (match.header() != null) {
            int colon = match.header().indexOf(':');
            String value = page.getWebResponse().getResponseHeaderValue(match.header().substring(0, colon).trim());
            if (value == null || !Pattern.compile(match.header().substring(colon + 1).trim()).matcher(value).find()) {
                return false;
            }
        }
        if (match.element() != null
                && !(page instanceof HtmlPage html && html.querySelector(match.element()) != null)) {
            return false;
        }
        return match.text() == null || page.getWebResponse().getContentAsString().contains(match.text());
    }

    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    private Page perform(HtmlPage html, IdpPreset.Step step, Credentials credentials, LoginSubmitter submitter)
            throws IOException, StepFailed {
        if (step.fill() != null) {
            DomNode node = html.querySelector(step.fill());
            String value = expand(step.value(), credentials);
            if (node instanceof HtmlInput input) {
                input.setValue(value);
            } else if (node instanceof HtmlTextArea area) {
                area.setText(value);
            } else {
                throw new StepFailed(node == null ? "no element matches " + step.fill()
                        : step.fill() + " is a <" + ((DomElement) node).getTagName() + ">, not an input");
            }
            return null;
        }
        if (step.click() != null) {
            DomNode node = html.querySelector(step.click());
            if (!(node instanceof HtmlElement element)) {
                throw new StepFailed("no element matches " + step.click());
            }
            return element.click();
        }
        if (step.login() != null) {
            DomNode node = defects.contains(Defect.FIRST_FORM_ON_PAGE) && !html.getForms().isEmpty()
                    ? html.getForms().get(0) : html.querySelector(step.login());
            if (!(node instanceof HtmlForm form)) {
                throw new StepFailed("no form matches " + step.login());
            }
            if (form.getInputsByName(step.username()).isEmpty() || form.getInputsByName(step.password()).isEmpty()) {
                throw new StepFailed("form " + (form.getId().isEmpty() ? "#" + html.getForms().indexOf(form)
                        : form.getId()) + " has no fields " + step.username() + " and " + step.password());
            }
            return submitter.submit(form, step.username(), step.password(), null);
        }
        throw new StepFailed("the step names no action (fill, click or login)");
    }

    private static String expand(String value, Credentials credentials) {
        String text = value == null ? "" : value;
        if (credentials != null) {
            // ${username} is the name the IdP knows (the IdP login name, protocol 8.8); ${loginName} the Finesse one.
            text = text.replace("${username}", credentials.idpLoginName())
                    .replace("${loginName}", credentials.username())
                    .replace("${password}", credentials.password().reveal());
        }
        return text;
    }

    private static String errorText(HtmlPage html, String selector) {
        if (selector == null) {
            return "";
        }
        DomNode node = html.querySelector(selector);
        return node == null ? "" : node.asNormalizedText().trim();
    }

    private static String where(IdpPreset preset, IdpPreset.Page known, Page page) {
        URL url = page.getUrl();
        return "(" + url.getProtocol() + "://" + url.getAuthority() + url.getPath() + ", preset '" + preset.name()
                + "', page '" + known.name() + "')";
    }

    /** Title, forms with their field names, buttons: never values (they may be secrets). */
    static String describe(HtmlPage html) {
        List<String> forms = new ArrayList<>();
        for (HtmlForm form : html.getForms()) {
            List<String> names = new ArrayList<>();
            for (HtmlElement element : form.getHtmlElementDescendants()) {
                String name = element.getAttribute("name");
                if ((element instanceof HtmlInput || element instanceof HtmlTextArea) && !name.isEmpty()) {
                    names.add(name);
                }
            }
            forms.add((form.getId().isEmpty() ? "form" : "#" + form.getId()) + names);
        }
        List<String> buttons = new ArrayList<>();
        for (DomNode node : html.querySelectorAll("button, input[type=submit], [role=button], [onclick]")) {
            if (node instanceof HtmlElement element && buttons.size() < 8) {
                buttons.add(element.getId().isEmpty() ? element.getTagName() : "#" + element.getId());
            }
        }
        return "title \"" + html.getTitleText() + "\", forms " + forms + ", buttons " + buttons;
    }
}
