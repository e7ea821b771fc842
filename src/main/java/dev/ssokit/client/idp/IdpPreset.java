package dev.ssokit.client.idp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How to get through one IdP's sign-in pages, as data (stubs/idp/presets/&lt;name&gt;.json), the way the OpenID
 * conformance suite scripts a browser: each page is recognised by its URL and an element, then its steps are run
 * in order. A new IdP needs a new file, no Java.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdpPreset(String name, String description, List<Page> pages) {
    public IdpPreset {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /**
     * One page of the IdP.
     *
     * @param name        for reports ("sign-in", "home realm discovery", "stay signed in?")
     * @param match       how to recognise it
     * @param steps       what to do on it, in order (none: just wait, its scripts move on)
     * @param credentials its steps enter the user's credentials: seeing it again afterwards means they were refused
     * @param error       CSS selector of the element where the IdP writes why it refused
     * @param fail        the page is a dead end: report this text (e.g. AD FS loop detection, WIA)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(String name, Match match, List<Step> steps, boolean credentials, String error, String fail) {
        public Page {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * @param url     a regular expression found in the page's URL (path and query)
     * @param element a CSS selector that must match an element of the page
     * @param text    text the page must contain
     * @param status  the HTTP status it must have (0: any)
     * @param header  "Name: regex" a response header must match
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String url, String element, String text, int status, String header) {
    }

    /**
     * One action: fill (selector, value), click (selector), or login (form selector, username and password field
     * names, optional click selector: filled and submitted the way the client submits login forms). Values may use
     * ${username} and ${password}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String fill, String value, String click, String login, String username, String password) {
        public String describe() {
            if (fill != null) {
                return "fill " + fill;
            }
            if (click != null) {
                return "click " + click;
            }
            if (login != null) {
                return "sign in with form " + login + " (" + username + ", " + password + ")";
            }
            return "(empty step)";
        }
    }
}
