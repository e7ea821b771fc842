package dev.ssokit.world.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.world.WorldSettings;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The scenario knobs of {@link WorldSettings} as JSON, for the control API: read them, set some of them, or pick a
 * named variant (NON_SSO, cookie-only cc_username, out of service ...). Unknown names are refused with the list.
 */
public final class SettingsKnobs {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Named variants: a partner selects one instead of spelling its knobs. */
    public static final Map<String, String> VARIANTS = variants();

    private static Map<String, String> variants() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sso", "{}");
        v.put("non-sso", "{\"systemAuthMode\":\"NON_SSO\"}");
        v.put("hybrid", "{\"systemAuthMode\":\"HYBRID\"}");
        v.put("uccx", "{\"deploymentType\":\"UCCX\"}");
        v.put("cookie-only-cc-username", "{\"ccUsernameQuerySupported\":false}");
        v.put("no-user-auth-mode", "{\"userAuthModeEnabled\":false}");
        v.put("out-of-service", "{\"outOfService\":true}");
        v.put("slow-idp-script", "{\"idpSubmitDelayMillis\":3000}");
        v.put("failing-idp-script", "{\"idpFailingScript\":true}");
        v.put("refresh-via-ids", "{\"refreshRedirectsToIdS\":true}");
        v.put("extra-token-fields", "{\"extraTokenFields\":true}");
        v.put("reject-bearer", "{\"rejectBearerTokens\":true}");
        v.put("short-tokens", "{\"accessTokenSeconds\":30}");
        v.put("acs-on-second-ids-node", "{\"acsOnSecondIdsNode\":true}");
        v.put("proxy-ip-block", "{\"proxyBlockAfterFailures\":3,\"proxyBlockSeconds\":900}");
        return Map.copyOf(v);
    }

    private static final Set<String> KNOWN = Set.of("systemAuthMode", "deploymentType", "userAuthModeEnabled",
            "ccUsernameQuerySupported", "accessTokenSeconds", "refreshTokenSeconds", "extraTokenFields",
            "refreshRedirectsToIdS", "idpSubmitDelayMillis", "idpFailingScript", "idpPageContentType",
            "tokenResponseOmits", "rejectBearerTokens", "outOfService", "userAuthModes", "acsOnSecondIdsNode",
            "proxyBlockAfterFailures", "proxyBlockSeconds");

    private SettingsKnobs() {
    }

    public static ObjectNode read(WorldSettings s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("systemAuthMode", s.systemAuthMode().name());
        node.put("deploymentType", s.deploymentType().name());
        node.put("userAuthModeEnabled", s.userAuthModeEnabled());
        node.put("ccUsernameQuerySupported", s.ccUsernameQuerySupported());
        node.put("accessTokenSeconds", s.accessTokenLifetime().toSeconds());
        node.put("refreshTokenSeconds", s.refreshTokenLifetime().toSeconds());
        node.put("extraTokenFields", s.extraTokenFields());
        node.put("refreshRedirectsToIdS", s.refreshRedirectsToIdS());
        node.put("idpSubmitDelayMillis", s.idpSubmitDelayMillis());
        node.put("idpFailingScript", s.idpFailingScript());
        node.put("idpPageContentType", s.idpPageContentType());
        node.put("tokenResponseOmits", s.tokenResponseOmits());
        node.put("rejectBearerTokens", s.rejectBearerTokens());
        node.put("outOfService", s.outOfService());
        node.put("acsOnSecondIdsNode", s.acsOnSecondIdsNode());
        node.put("proxyBlockAfterFailures", s.proxyBlockAfterFailures());
        node.put("proxyBlockSeconds", s.proxyBlockPeriod().toSeconds());
        return node;
    }

    /** Sets the knobs named in this JSON object; validates all of them first, so a bad one changes nothing. */
    public static void apply(WorldSettings settings, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The settings are not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Send the settings as a JSON object, e.g. {\"outOfService\":true}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("Unknown setting '" + name + "'; known: " + KNOWN.stream().sorted().toList());
            }
        }
        WorldSettings probe = new WorldSettings();
        set(probe, node);
        set(settings, node);
    }

    private static void set(WorldSettings s, JsonNode node) {
        if (node.has("systemAuthMode")) {
            s.systemAuthMode(AuthMode.parse(node.get("systemAuthMode").asText()));
        }
        if (node.has("deploymentType")) {
            s.deploymentType(DeploymentType.parse(node.get("deploymentType").asText()));
        }
        bool(node, "userAuthModeEnabled").ifPresent(s::userAuthModeEnabled);
        bool(node, "ccUsernameQuerySupported").ifPresent(s::ccUsernameQuerySupported);
        seconds(node, "accessTokenSeconds").ifPresent(s::accessTokenLifetime);
        seconds(node, "refreshTokenSeconds").ifPresent(s::refreshTokenLifetime);
        bool(node, "extraTokenFields").ifPresent(s::extraTokenFields);
        bool(node, "refreshRedirectsToIdS").ifPresent(s::refreshRedirectsToIdS);
        if (node.has("idpSubmitDelayMillis")) {
            int millis = node.get("idpSubmitDelayMillis").asInt(-1);
            if (millis < 0 || millis > 600_000) {
                throw new IllegalArgumentException("idpSubmitDelayMillis must be 0-600000; got " + node.get("idpSubmitDelayMillis"));
            }
            s.idpSubmitDelayMillis(millis);
        }
        bool(node, "idpFailingScript").ifPresent(s::idpFailingScript);
        if (node.has("idpPageContentType")) {
            s.idpPageContentType(node.get("idpPageContentType").asText());
        }
        if (node.has("tokenResponseOmits")) {
            s.tokenResponseOmits(node.get("tokenResponseOmits").isNull() ? null : node.get("tokenResponseOmits").asText());
        }
        bool(node, "rejectBearerTokens").ifPresent(s::rejectBearerTokens);
        bool(node, "outOfService").ifPresent(s::outOfService);
        bool(node, "acsOnSecondIdsNode").ifPresent(s::acsOnSecondIdsNode);
        if (node.has("proxyBlockAfterFailures")) {
            if (!node.get("proxyBlockAfterFailures").canConvertToInt()) {
                throw new IllegalArgumentException("proxyBlockAfterFailures must be a number 0-1000 (0 = off); got "
                        + node.get("proxyBlockAfterFailures"));
            }
            s.proxyBlockAfterFailures(node.get("proxyBlockAfterFailures").asInt());
        }
        seconds(node, "proxyBlockSeconds").ifPresent(s::proxyBlockPeriod);
        if (node.has("userAuthModes")) {
            node.get("userAuthModes").fields().forEachRemaining(entry ->
                    s.userAuthMode(entry.getKey(), AuthMode.parse(entry.getValue().asText())));
        }
    }

    private static java.util.Optional<Boolean> bool(JsonNode node, String name) {
        if (!node.has(name)) {
            return java.util.Optional.empty();
        }
        if (!node.get(name).isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false; got " + node.get(name));
        }
        return java.util.Optional.of(node.get(name).asBoolean());
    }

    private static java.util.Optional<Duration> seconds(JsonNode node, String name) {
        if (!node.has(name)) {
            return java.util.Optional.empty();
        }
        long value = node.get(name).asLong(-1);
        if (value < 1 || value > 31_536_000) {
            throw new IllegalArgumentException(name + " must be 1-31536000 seconds; got " + node.get(name));
        }
        return java.util.Optional.of(Duration.ofSeconds(value));
    }
}
