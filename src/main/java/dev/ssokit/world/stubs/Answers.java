package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** The response shapes the stubs use: Finesse's ApiErrors XML, JSON, HTML pages and redirects with cookies. */
final class Answers {
    private Answers() {
    }

    static ResponseDefinition xml(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/xml;charset=UTF-8").withBody(body).build();
    }

    static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body).build();
    }

    static ResponseDefinition html(int status, String body, String... setCookies) {
        return typed(status, "text/html;charset=utf-8", body, setCookies);
    }

    static ResponseDefinition typed(int status, String contentType, String body, String... setCookies) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body);
        if (setCookies.length > 0) {
            builder.withHeader("Set-Cookie", setCookies);
        }
        return builder.build();
    }

    static ResponseDefinition redirect(int status, String location, String... setCookies) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Location", location).withHeader("Content-Length", "0");
        if (setCookies.length > 0) {
            builder.withHeader("Set-Cookie", setCookies);
        }
        return builder.build();
    }

    static ResponseDefinition accepted() {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(202).build();
    }

    /** Finesse's error body (finesse-sso-protocol.md §1.1). */
    static ResponseDefinition apiError(int status, String type, String message, String data) {
        return xml(status, "<ApiErrors><ApiError><ErrorType>" + escape(type) + "</ErrorType><ErrorMessage>"
                + escape(message) + "</ErrorMessage><ErrorData>" + escape(data) + "</ErrorData></ApiError></ApiErrors>");
    }

    /** JSON error of the /desktop/sso endpoints; the real body is undocumented, the status is (400/401). */
    static ResponseDefinition ssoError(int status, String error, String description) {
        return json(status, "{\"error\":\"" + jsonEscape(error) + "\",\"error_description\":\""
                + jsonEscape(description) + "\"}");
    }

    static ResponseDefinition errorPage(int status, String title, String detail) {
        return html(status, "<!DOCTYPE html><html><head><title>" + escape(title) + "</title></head><body><h1>"
                + escape(title) + "</h1><p id=\"detail\">" + escape(detail) + "</p></body></html>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
