package dev.ssokit.client.browser;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.execchain.ClientExecChain;
import org.htmlunit.HttpWebConnection;
import org.htmlunit.WebClient;

/**
 * HtmlUnit's HTTP connection with the kit's {@link CookieRules} on the wire in place of HttpClient's cookie handling.
 * HtmlUnit builds its HttpClient with a private protocol processor, so interceptors added to the builder are
 * dropped; instead the builder HtmlUnit configured is copied into a subclass that decorates the main execution
 * step, which runs after cookies are added to a request and before cookies are taken from a response.
 */
final class RulesConnection extends HttpWebConnection {
    private final CookieRules rules;
    private final ExchangeLimits limits;
    private final java.util.List<WireHook> hooks;

    RulesConnection(WebClient client, CookieRules rules, ExchangeLimits limits) {
        this(client, rules, limits, java.util.List.of());
    }

    /** With hooks after the rules: requests pass them in order, responses in reverse order. */
    RulesConnection(WebClient client, CookieRules rules, ExchangeLimits limits, java.util.List<WireHook> hooks) {
        super(client);
        this.rules = rules;
        this.limits = limits;
        this.hooks = java.util.List.copyOf(hooks);
    }

    /** HttpClient keeps its hands off cookies: the kit's engine alone reads Set-Cookie and writes Cookie. */
    @Override
    public org.htmlunit.WebResponse getResponse(org.htmlunit.WebRequest request) throws java.io.IOException {
        request.addHint(org.htmlunit.WebRequest.HttpHint.BlockCookies);
        return super.getResponse(request);
    }

    @Override
    protected HttpClientBuilder createHttpClientBuilder() {
        HttpClientBuilder configured = super.createHttpClientBuilder();
        DecoratingBuilder decorating = new DecoratingBuilder(rules, limits, hooks);
        try {
            for (Field field : HttpClientBuilder.class.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(decorating, field.get(configured));
                    if (MIRRORED.contains(field.getName())) {
                        Field mirror = DecoratingBuilder.class.getDeclaredField(field.getName());
                        mirror.setAccessible(true);
                        mirror.set(decorating, field.get(configured));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the cookie rules into HtmlUnit's HTTP client: " + e, e);
        }
        return decorating;
    }

    /**
     * HtmlUnit reads these builder fields reflectively on the builder's runtime class when it makes its
     * connection manager; the subclass mirrors them (same names, copied values) so that read sees what HtmlUnit set.
     */
    private static final java.util.List<String> MIRRORED = java.util.List.of("connTimeToLive", "connTimeToLiveTimeUnit",
            "defaultConnectionConfig", "defaultSocketConfig", "dnsResolver", "hostnameVerifier", "maxConnPerRoute",
            "maxConnTotal", "publicSuffixMatcher", "sslContext", "sslSocketFactory", "systemProperties");

    @SuppressWarnings("unused")
    private static final class DecoratingBuilder extends HttpClientBuilder {
        private final CookieRules rules;
        private final ExchangeLimits limits;
        private final java.util.List<WireHook> hooks;
        private Object connTimeToLive;
        private Object connTimeToLiveTimeUnit;
        private Object defaultConnectionConfig;
        private Object defaultSocketConfig;
        private Object dnsResolver;
        private Object hostnameVerifier;
        private Object maxConnPerRoute;
        private Object maxConnTotal;
        private Object publicSuffixMatcher;
        private Object sslContext;
        private Object sslSocketFactory;
        private Object systemProperties;

        DecoratingBuilder(CookieRules rules, ExchangeLimits limits, java.util.List<WireHook> hooks) {
            this.rules = rules;
            this.limits = limits;
            this.hooks = hooks;
        }

        @Override
        protected ClientExecChain decorateMainExec(ClientExecChain main) {
            ClientExecChain limited = limits.around(main);
            return (route, request, context, aware) -> {
                rules.process(request, context);
                hooks.forEach(hook -> hook.request(request, context));
                CloseableHttpResponse response = limited.execute(route, request, context, aware);
                // the defects' hooks bend what the cookie engine reads (Set-Cookie), so they run before it
                for (int i = hooks.size() - 1; i >= 0; i--) {
                    hooks.get(i).response(response, request, context);
                }
                rules.process(response, request, context);
                return response;
            };
        }
    }
}
