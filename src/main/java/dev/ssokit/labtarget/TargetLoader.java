package dev.ssokit.labtarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates {@code targets/<name>.yaml}. Every problem found is reported at once, each as
 * "file: field: what is wrong. Fix: what to do"; a literal secret is refused.
 */
public final class TargetLoader {
    /** IdP presets the kit knows by name (the preset behaviour itself is not built yet: issue 11). */
    public static final List<String> IDP_PRESETS = List.of("adfs", "entra-id", "okta", "pingfederate", "keycloak",
            "generic-saml");
    private static final Set<String> TOP = Set.of("name", "finesse", "ids", "deployment", "idp", "agents", "trust");
    private static final Set<String> FINESSE = Set.of("primary", "secondary");
    private static final Set<String> IDS = Set.of("url");
    private static final Set<String> IDP = Set.of("preset");
    private static final Set<String> AGENT = Set.of("loginName", "idpLoginName", "extension", "password");
    private static final Set<String> TRUST = Set.of("pem", "pkcs12", "password");

    private final Path file;
    private final List<String> problems = new ArrayList<>();

    private TargetLoader(Path file) {
        this.file = file;
    }

    public static LabTarget load(Path file) {
        return new TargetLoader(file).read();
    }

    private LabTarget read() {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new TargetException(List.of(file + ": cannot read the target file (" + e.getMessage()
                    + "). Fix: pass an existing YAML file, e.g. targets/example-lab.yaml"));
        }
        if (root == null || !root.isObject()) {
            throw new TargetException(List.of(file + ": the file is not a YAML mapping. Fix: start from "
                    + "targets/example-lab.yaml"));
        }
        unknown(root, "", TOP);
        String name = text(root, "name", "name", "give the lab a short name, e.g. name: lab-a");
        JsonNode finesse = object(root, "finesse", FINESSE);
        URI primary = url(finesse, "finesse.primary", "primary");
        URI secondary = finesse != null && finesse.has("secondary") ? url(finesse, "finesse.secondary", "secondary")
                : null;
        URI ids = url(object(root, "ids", IDS), "ids.url", "url");
        LabTarget.Deployment deployment = deployment(root);
        String preset = preset(object(root, "idp", IDP));
        List<LabTarget.Agent> agents = agents(root.get("agents"));
        LabTarget.Trust trust = trust(object(root, "trust", TRUST));
        if (!problems.isEmpty()) {
            throw new TargetException(problems);
        }
        return new LabTarget(file, name, primary, Optional.ofNullable(secondary), ids, deployment, preset, agents,
                trust);
    }

    private void problem(String field, String what, String fix) {
        problems.add(file + ": " + field + ": " + what + ". Fix: " + fix);
    }

    private void unknown(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(prefix + name, "unknown field", "remove it or use one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    private JsonNode object(JsonNode parent, String field, Set<String> known) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            problem(field, node == null ? "missing" : "must be a mapping", "add the '" + field
                    + ":' section as in targets/example-lab.yaml");
            return null;
        }
        unknown(node, field + ".", known);
        return node;
    }

    private String text(JsonNode parent, String path, String field, String fix) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (parent == null) {
            return null;
        }
        if (node == null || !node.isValueNode() || node.asText().isBlank()) {
            problem(path, node == null ? "missing" : "must be a non-empty text", fix);
            return null;
        }
        return node.asText().trim();
    }

    private URI url(JsonNode parent, String path, String field) {
        String text = text(parent, path, field, "give the https URL, e.g. https://finesse-a.lab.example:8445");
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || (uri.getRawPath() != null && uri.getRawPath().length() > 1)) {
                problem(path, "'" + text + "' is not an https base URL (scheme https, a host name, an optional port, "
                        + "no path, query or fragment)", "write it as https://host[:port], e.g. "
                        + "https://finesse-a.lab.example:8445");
                return null;
            }
            return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
        } catch (URISyntaxException e) {
            problem(path, "'" + text + "' is not a URL (" + e.getReason() + ")",
                    "write it as https://host[:port], e.g. https://finesse-a.lab.example:8445");
            return null;
        }
    }

    private LabTarget.Deployment deployment(JsonNode root) {
        String text = text(root, "deployment", "deployment", "write deployment: UCCE or deployment: UCCX");
        if (text == null) {
            return null;
        }
        try {
            return LabTarget.Deployment.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("deployment", "'" + text + "' is not a deployment type", "write UCCE or UCCX");
            return null;
        }
    }

    private String preset(JsonNode idp) {
        String text = text(idp, "idp.preset", "preset", "name the IdP preset, one of " + IDP_PRESETS);
        if (text != null && !IDP_PRESETS.contains(text)) {
            problem("idp.preset", "'" + text + "' is not a known preset", "use one of " + IDP_PRESETS);
            return null;
        }
        return text;
    }

    private List<LabTarget.Agent> agents(JsonNode node) {
        List<LabTarget.Agent> agents = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem("agents", node == null ? "missing" : "must be a non-empty list",
                    "list at least one agent as in targets/example-lab.yaml");
            return agents;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode agent = node.get(i);
            String at = "agents[" + i + "]";
            if (!agent.isObject()) {
                problem(at, "must be a mapping", "give loginName, idpLoginName, extension and password");
                continue;
            }
            unknown(agent, at + ".", AGENT);
            String login = text(agent, at + ".loginName", "loginName", "give the agent's Finesse login name");
            String idpLogin = text(agent, at + ".idpLoginName", "idpLoginName",
                    "give the name the agent types on the IdP's login page (often user@domain)");
            String extension = text(agent, at + ".extension", "extension", "give the agent's extension, e.g. 1001");
            SecretRef password = secret(agent, at + ".password", "password");
            agents.add(new LabTarget.Agent(login, idpLogin, extension, password));
        }
        return agents;
    }

    private SecretRef secret(JsonNode parent, String path, String field) {
        String text = text(parent, path, field, "write where the secret comes from: env:VARIABLE or file:/path");
        if (text == null) {
            return null;
        }
        Optional<SecretRef> ref = SecretRef.parse(text);
        if (ref.isEmpty()) {
            problem(path, "looks like a literal secret; secrets are never written in a target file (the value is not "
                    + "repeated here)", "write env:VARIABLE (and export it) or file:/absolute/path/outside/the/repo");
            return null;
        }
        if (ref.get().kind() == SecretRef.Kind.FILE) {
            Path secretFile = Path.of(ref.get().location());
            if (!secretFile.isAbsolute()) {
                problem(path, "the secret file '" + secretFile + "' is relative", "give an absolute path outside the "
                        + "repository, e.g. file:/home/you/.ssokit/lab-a-agent1");
                return null;
            }
            Optional<Path> repository = repositoryOf(file);
            if (repository.isPresent() && secretFile.normalize().startsWith(repository.get())) {
                problem(path, "the secret file '" + secretFile + "' is inside the repository " + repository.get(),
                        "move it outside the repository (e.g. ~/.ssokit/) so it can never be committed");
                return null;
            }
        }
        return ref.get();
    }

    private LabTarget.Trust trust(JsonNode node) {
        if (node == null) {
            return null;
        }
        boolean pem = node.has("pem");
        boolean pkcs12 = node.has("pkcs12");
        if (pem == pkcs12) {
            problem("trust", pem ? "has both pem and pkcs12" : "names no certificates",
                    "give exactly one of trust.pem (a PEM bundle of the lab's CA certificates) or trust.pkcs12");
            return null;
        }
        String field = pem ? "pem" : "pkcs12";
        String text = text(node, "trust." + field, field, "give the path of the lab's CA certificates");
        if (text == null) {
            return null;
        }
        Path path = file.toAbsolutePath().getParent().resolve(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problem("trust." + field, "cannot read " + path, "export the lab's CA certificate(s) to that file "
                    + "(Finesse/IdS: Cisco Unified OS Administration > Security > Certificate Management) or fix the path");
            return null;
        }
        Optional<SecretRef> password = Optional.empty();
        if (pkcs12 && node.has("password")) {
            password = Optional.ofNullable(secret(node, "trust.password", "password"));
        } else if (pem && node.has("password")) {
            problem("trust.password", "a PEM bundle has no password", "remove trust.password");
        }
        return new LabTarget.Trust(path, pem ? LabTarget.Trust.Format.PEM : LabTarget.Trust.Format.PKCS12, password);
    }

    private static Optional<Path> repositoryOf(Path file) {
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
