package dev.ssokit.world.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the three standalone WireMock processes listen, read from {@code standalone.json} in the stubs folder
 * (the parent of each process's {@code --root-dir}). It is the only state the processes share besides users.json
 * and the TLS key store; everything else crosses between them over HTTPS.
 */
public record StandaloneConfig(Path stubs, URI finesse, URI finesseHttp, URI ids, URI idp) {
    public static final String FILE = "standalone.json";

    /** The config for a process whose --root-dir is this folder (stubs/finesse, stubs/ids or stubs/idp). */
    public static StandaloneConfig forRootDir(Path rootDir) {
        Path stubs = rootDir.toAbsolutePath().normalize().getParent();
        Path file = stubs == null ? rootDir.resolve(FILE) : stubs.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The kit's WireMock extensions need " + file + " (base URLs of Finesse, "
                    + "IdS and the IdP): start WireMock with --root-dir <kit>/stubs/finesse (or ids, idp), next to "
                    + "the kit's stubs/standalone.json");
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            return new StandaloneConfig(stubs, uri(json, "finesse", file), uri(json, "finesseHttp", file),
                    uri(json, "ids", file), uri(json, "idp", file));
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static URI uri(JsonNode json, String field, Path file) {
        String text = json.path(field).asText("");
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalStateException(file + ": \"" + field + "\" must be a base URL with host and port, "
                    + "e.g. \"https://finesse.test:8445\"; got \"" + text + "\"");
        }
        return uri;
    }

    /** The lab pages' placeholders (as the embedded world fills them; ${finesse-raw} has no standalone server). */
    public Map<String, String> labLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("${finesse}", finesse.toString());
        links.put("${ids}", ids.toString());
        links.put("${idp}", idp.toString());
        links.put("${finesse-http}", finesseHttp.toString());
        links.put("${ids-authority}", "//" + ids.getHost() + ":" + ids.getPort());
        links.put("${idp.ids}", "https://idp.ids.test:" + idp.getPort());
        links.put("${finesse.corp}", "https://finesse.corp.test:" + finesse.getPort());
        links.put("${ids.corp}", "https://ids.corp.test:" + ids.getPort());
        links.put("${ccx-finesse}", "https://ccx.test:" + finesse.getPort());
        links.put("${ccx-ids}", "https://ccx.test:" + ids.getPort());
        return links;
    }
}
