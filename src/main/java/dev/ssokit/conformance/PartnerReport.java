package dev.ssokit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssokit.report.ReportDigest;
import dev.ssokit.report.Versions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * After the summary is written: names the client's and the kit's versions in verdict.json and summary.md, then
 * seals the evidence (ReportDigest), signed when the run has a key. A run that wrote no verdict is left alone.
 */
final class PartnerReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PartnerReport() {
    }

    static void seal(Path reports, RunContext context, PrintStream console) {
        Path verdict = reports.resolve("verdict.json");
        if (!Files.exists(verdict)) {
            return;
        }
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(verdict.toFile());
            ObjectNode stamped = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = it.next();
                stamped.set(field.getKey(), field.getValue());
                if (field.getKey().equals("client")) {
                    stamped.put("clientVersion", context.clientVersion());
                    stamped.put("kitVersion", Versions.kit());
                }
            }
            JSON.writeValue(verdict.toFile(), stamped);
            Path summary = reports.resolve("summary.md");
            if (Files.exists(summary)) {
                Files.writeString(summary, Files.readString(summary).replaceFirst("(\\| Client \\| [^\\n]*\\n)",
                        "$1" + java.util.regex.Matcher.quoteReplacement("| Client version | " + context.clientVersion() + " |\n")));
            }
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("Cannot name the versions in " + verdict, e instanceof IOException io ? io
                    : new IOException(e.getMessage()));
        }
        String digest = ReportDigest.seal(reports, context.clientId(), context.clientVersion(), context.signKey());
        if (console != null) {
            console.println("Evidence: SHA-256 " + digest + " of " + ReportDigest.MANIFEST
                    + (context.signKey() != null ? ", signed (" + ReportDigest.SIGNATURE + ")" : "")
                    + "; check with ./kit verify-report " + reports);
        }
    }
}
