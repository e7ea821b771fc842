package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A named dynamic answer. It applies only to mappings under stubs/ that name it in "transformers" (WireMock's
 * default of applying a V2 transformer globally is switched off here).
 */
public abstract class StubBehaviour implements ResponseDefinitionTransformerV2 {
    protected final StubContext context;
    private final String name;

    protected StubBehaviour(String name, StubContext context) {
        this.name = name;
        this.context = context;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    @Override
    public final ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        if (!name.startsWith("idp-")) {
            ResponseDefinition refused = ReverseProxy.userAgentRefusal(context, request);
            if (refused != null) {
                return refused;
            }
            ResponseDefinition blocked = ProxyBlock.blocked(context, request);
            if (blocked != null) {
                return blocked;
            }
            ResponseDefinition answered = answer(request);
            ProxyBlock.count(context, request, answered);
            return answered;
        }
        return answer(request);
    }

    protected abstract ResponseDefinition answer(Request request);
}
