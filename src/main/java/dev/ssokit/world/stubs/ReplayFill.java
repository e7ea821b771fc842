package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.model.Agent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "replay-fill": fills the placeholders of a recorded lab ({@code ***{kind.detail}}, written by {@code kit record})
 * with fresh values at replay time, each placeholder one value for the whole replay, so a token issued is the token
 * later accepted and a code or SAML message round-trips: hosts and ports become this world's, the agent's names the
 * directory's first SSO agent's, JWTs new ones with the recorded lifetime on this world's clock, every other secret
 * a random string. Placeholders it does not know stay as they are.
 */
public final class ReplayFill implements com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\*\\*\\*\\{([A-Za-z0-9_.+-]+)}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final StubContext context;

    public ReplayFill(StubContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return "replay-fill";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The recorded answer with its placeholders filled. */
    @Override
    public ResponseDefinition transform(com.github.tomakehurst.wiremock.stubbing.ServeEvent event) {
        ResponseDefinition original = event.getResponseDefinition();
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.like(original);
        if (original.getHeaders() != null) {
            List<HttpHeader> headers = new ArrayList<>();
            for (HttpHeader header : original.getHeaders().all()) {
                headers.add(new HttpHeader(header.key(), header.values().stream().map(this::fill).toList()));
            }
            builder.withHeaders(new HttpHeaders(headers));
        }
        if (original.getBody() != null) {
            builder.withBody(fill(original.getBody()));
        }
        return builder.build();
    }

    String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name) {
        String[] parts = name.split("\\.");
        String kind = parts[0];
        String role = parts.length > 1 ? parts[1].replaceFirst("-\\d+$", "") : "";
        return switch (kind) {
            case "url" -> base(role);
            case "url-enc" -> URLEncoder.encode(base(role), StandardCharsets.UTF_8);
            case "authority" -> URI.create(base(role)).getRawAuthority();
            case "authority-enc" -> URLEncoder.encode(URI.create(base(role)).getRawAuthority(), StandardCharsets.UTF_8);
            case "host" -> URI.create(base(role)).getHost();
            case "agent" -> agentField(parts[1]);
            case "agent-enc" -> URLEncoder.encode(agentField(parts[1]), StandardCharsets.UTF_8);
            case "jwt" -> values.computeIfAbsent(name, key -> jwt(parts));
            default -> values.computeIfAbsent(name, key -> random());
        };
    }

    private String base(String role) {
        return switch (role) {
            case "ids" -> context.ids("");
            case "idp" -> context.idp("");
            default -> context.finesse("");
        };
    }

    private String agentField(String field) {
        Agent agent = context.directory.agents().stream()
                .filter(a -> a.authMode() == dev.ssokit.model.AuthMode.SSO).findFirst()
                .orElse(context.directory.agents().get(0));
        return switch (field) {
            case "loginId" -> agent.loginId();
            case "extension" -> agent.extension();
            case "idpLoginName" -> agent.idpLoginName();
            default -> agent.loginName();
        };
    }

    /** jwt.USAGE.LIFETIME.N: a JWT shaped like IdS's (§2.4), issued now on this world's clock. */
    private String jwt(String[] parts) {
        String usage = parts.length > 1 ? parts[1] : "access";
        long lifetime = parts.length > 2 ? Long.parseLong(parts[2]) : 300;
        long now = context.clock.instant().getEpochSecond();
        String id = random();
        String sub = "{\"usage\":\"" + usage + "\",\"user_id\":\"" + agentField("loginName") + "\",\"token\":\""
                + id + "\",\"expiry\":" + (now + lifetime) * 1000 + "}";
        String claims = "{\"iss\":\"" + context.idsHost() + "\",\"sub\":" + quote(sub) + ",\"exp\":" + (now + lifetime)
                + ",\"iat\":" + now + ",\"jti\":\"" + id + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"cty\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + random() + random();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
