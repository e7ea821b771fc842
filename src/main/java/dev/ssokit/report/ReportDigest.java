package dev.ssokit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The report's seal: {@code evidence-manifest.json} lists the SHA-256 of every evidence file (verdict.json, the
 * summaries, junit.xml, cucumber.json, the Allure results holding each scenario's hop transcript and verdicts);
 * {@code evidence.sha256} holds the SHA-256 of that manifest, in sha256sum's format; with a key,
 * {@code evidence.sig} is a detached signature over the manifest and {@code evidence-signer.pem} the public key.
 */
public final class ReportDigest {
    public static final String MANIFEST = "evidence-manifest.json";
    public static final String DIGEST = "evidence.sha256";
    public static final String SIGNATURE = "evidence.sig";
    public static final String SIGNER = "evidence-signer.pem";
    /** Not evidence: the seal itself, the folder's README, and what tools generate later (Allure's HTML report). */
    private static final Set<String> NOT_EVIDENCE = Set.of(MANIFEST, DIGEST, SIGNATURE, SIGNER, "README.md");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportDigest() {
    }

    /** Writes the manifest, its digest and (with a key) the signature; returns the manifest's SHA-256 in hex. */
    public static String seal(Path reports, String client, String clientVersion, Path signKey) {
        try {
            for (String name : List.of(MANIFEST, DIGEST, SIGNATURE, SIGNER)) {
                Files.deleteIfExists(reports.resolve(name));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("algorithm", "SHA-256");
            manifest.put("suite", "Finesse SSO Conformance Kit");
            manifest.put("kitVersion", Versions.kit());
            manifest.put("client", client);
            manifest.put("clientVersion", clientVersion);
            manifest.put("files", fileDigests(reports));
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            Files.write(reports.resolve(MANIFEST), manifestBytes);
            String digest = sha256(manifestBytes);
            Files.writeString(reports.resolve(DIGEST), digest + "  " + MANIFEST + "\n");
            if (signKey != null) {
                KeyPair keys = EvidenceKeys.readPrivate(signKey);
                byte[] signature = EvidenceKeys.sign(keys.getPrivate(), manifestBytes);
                Files.writeString(reports.resolve(SIGNATURE), Base64.getEncoder().encodeToString(signature) + "\n");
                Files.writeString(reports.resolve(SIGNER), EvidenceKeys.publicPem(keys.getPublic()));
            }
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot seal the report under " + reports + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign the report with " + signKey + ": " + e.getMessage(), e);
        }
    }

    /** path (relative, with '/') to SHA-256 hex, for every evidence file, sorted by path. */
    static Map<String, String> fileDigests(Path reports) throws IOException {
        Map<String, String> digests = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = reports.relativize(file).toString().replace('\\', '/');
                if (isEvidence(relative)) {
                    digests.put(relative, sha256(Files.readAllBytes(file)));
                }
            }
        }
        return digests;
    }

    private static boolean isEvidence(String relative) {
        return !NOT_EVIDENCE.contains(relative) && !relative.startsWith("allure-report/")
                && !relative.startsWith("allure-results/history/");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /** What verify-report found: 0 intact, 1 edited (or the signature does not match), 2 unreadable. */
    public record Check(int exitCode, List<String> lines) {
    }

    public static Check verify(Path reports, Path trustedPublicKey) {
        List<String> lines = new ArrayList<>();
        Path manifestFile = reports.resolve(MANIFEST);
        Path digestFile = reports.resolve(DIGEST);
        byte[] manifestBytes;
        JsonNode manifest;
        String recorded;
        try {
            manifestBytes = Files.readAllBytes(manifestFile);
            manifest = JSON.readTree(manifestBytes);
            recorded = Files.readString(digestFile).trim().split("\\s+")[0];
            if (manifest == null || !manifest.path("files").isObject() || !recorded.matches("[0-9a-f]{64}")) {
                throw new IOException("not a kit evidence manifest and digest");
            }
        } catch (IOException | RuntimeException e) {
            lines.add("UNREADABLE: " + reports + " holds no readable " + MANIFEST + " and " + DIGEST + " ("
                    + e.getMessage() + "); was the report written by ./kit run?");
            return new Check(2, lines);
        }
        boolean intact = true;
        String actual = sha256(manifestBytes);
        if (!actual.equals(recorded)) {
            lines.add("EDITED: " + MANIFEST + " has SHA-256 " + actual + " but " + DIGEST + " records " + recorded);
            intact = false;
        }
        Map<String, String> now;
        try {
            now = fileDigests(reports);
        } catch (IOException e) {
            lines.add("UNREADABLE: cannot read the evidence files: " + e.getMessage());
            return new Check(2, lines);
        }
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) () -> manifest.path("files").fields()) {
            String file = entry.getKey();
            String found = now.remove(file);
            if (found == null) {
                lines.add("EDITED: " + file + " is listed in the manifest but missing");
                intact = false;
            } else if (!found.equals(entry.getValue().asText())) {
                lines.add("EDITED: " + file + " changed (SHA-256 " + found + ", sealed " + entry.getValue().asText() + ")");
                intact = false;
            }
        }
        now.keySet().forEach(extra -> lines.add("EDITED: " + extra + " was added after the report was sealed"));
        intact &= now.isEmpty();
        intact &= checkSignature(reports, manifestBytes, trustedPublicKey, lines);
        if (intact) {
            lines.add(0, "INTACT: " + manifest.path("files").size() + " evidence files match " + MANIFEST
                    + " (SHA-256 " + recorded + "), client " + manifest.path("client").asText() + " "
                    + manifest.path("clientVersion").asText() + ", kit " + manifest.path("kitVersion").asText());
        }
        return new Check(intact ? 0 : 1, lines);
    }

    private static boolean checkSignature(Path reports, byte[] manifestBytes, Path trustedPublicKey, List<String> lines) {
        Path signatureFile = reports.resolve(SIGNATURE);
        if (!Files.exists(signatureFile)) {
            if (trustedPublicKey != null) {
                lines.add("EDITED: --public-key was given but the report carries no " + SIGNATURE);
                return false;
            }
            lines.add("unsigned: the digest shows the files agree with each other; sign with ./kit run --sign-key "
                    + "key.pem so a customer can tell who sealed them");
            return true;
        }
        try {
            String pem = trustedPublicKey != null ? Files.readString(trustedPublicKey)
                    : Files.readString(reports.resolve(SIGNER));
            java.security.PublicKey key = EvidenceKeys.readPublic(pem);
            byte[] signature = Base64.getDecoder().decode(Files.readString(signatureFile).trim());
            if (!EvidenceKeys.verify(key, manifestBytes, signature)) {
                lines.add("EDITED: the signature in " + SIGNATURE + " does not match the manifest for key "
                        + EvidenceKeys.fingerprint(key));
                return false;
            }
            lines.add("signed: " + EvidenceKeys.algorithm(key) + " signature valid for key " + EvidenceKeys.fingerprint(key)
                    + (trustedPublicKey != null ? " (the key you trust)" : " (the key in " + SIGNER
                    + "; pass --public-key to check it against a key you trust)"));
            return true;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            lines.add("EDITED: the signature cannot be checked: " + e.getMessage());
            return false;
        }
    }
}
