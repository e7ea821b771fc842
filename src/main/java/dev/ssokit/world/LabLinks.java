package dev.ssokit.world;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "lab-links": lets the static browser-behaviour pages under stubs/&lt;system&gt;/mappings/lab name other hosts of the
 * world (${ids}, ${idp.ids}, ${finesse-http}, ${ccx-ids} ...) in headers and bodies; their ports are only known once
 * the servers listen. Opt-in per mapping, like every behaviour.
 */
final class LabLinks implements ResponseDefinitionTransformerV2 {
    private final Map<String, String> links;

    LabLinks(Map<String, String> links) {
        this.links = links;
    }

    @Override
    public String getName() {
        return "lab-links";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition original = serveEvent.getResponseDefinition();
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.like(original);
        HttpHeaders headers = original.getHeaders();
        if (headers != null) {
            List<HttpHeader> replaced = new ArrayList<>();
            for (HttpHeader header : headers.all()) {
                replaced.add(new HttpHeader(header.key(), header.values().stream().map(this::resolve).toList()));
            }
            builder.withHeaders(new HttpHeaders(replaced));
        }
        if (original.getBody() != null) {
            builder.withBody(resolve(original.getBody()));
        }
        return builder.build();
    }

    private String resolve(String text) {
        return resolve(text, links);
    }

    /** Every ${name} of these links in the text replaced by its base URL (lab pages, scenario bodies alike). */
    static String resolve(String text, Map<String, String> links) {
        String out = text;
        for (Map.Entry<String, String> link : links.entrySet()) {
            out = out.replace(link.getKey(), link.getValue());
        }
        return out;
    }
}
