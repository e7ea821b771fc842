package dev.ssokit.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;

/** Keeps each REST Assured exchange as text for the scenario's report attachment (redacted when attached). */
public final class ExchangeRecorder implements Filter {
    private static final int MAX_BODY = 4000;
    private final List<String> exchanges = new ArrayList<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        StringBuilder text = new StringBuilder();
        text.append(request.getMethod()).append(' ').append(request.getURI()).append('\n');
        for (Header header : request.getHeaders()) {
            text.append("  ").append(header.getName()).append(": ").append(header.getValue()).append('\n');
        }
        if (!request.getFormParams().isEmpty()) {
            text.append("  form fields: ").append(String.join(", ", request.getFormParams().keySet())).append('\n');
        } else if (request.getBody() != null) {
            text.append("  body: ").append(truncate(String.valueOf((Object) request.getBody()))).append('\n');
        }
        text.append("-> ").append(response.getStatusLine()).append('\n');
        for (Header header : response.getHeaders()) {
            text.append("  ").append(header.getName()).append(": ").append(header.getValue()).append('\n');
        }
        text.append("  body: ").append(truncate(response.asString())).append('\n');
        synchronized (exchanges) {
            exchanges.add(text.toString());
        }
        return response;
    }

    private static String truncate(String body) {
        return body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + " …(truncated)" : body;
    }

    public List<String> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }
}
