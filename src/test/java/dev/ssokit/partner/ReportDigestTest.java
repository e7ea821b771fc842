package dev.ssokit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssokit.report.ReportDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's seal: intact verifies (0), an edit is caught (1), a folder without a seal is unreadable (2). */
class ReportDigestTest {
    @TempDir
    Path folder;

    private Path report() throws Exception {
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Files.writeString(reports.resolve("verdict.json"), "{\"verdict\": \"PASS\"}");
        Files.createDirectories(reports.resolve("allure-results"));
        Files.writeString(reports.resolve("allure-results/transcript.txt"), "GET /desktop/sso/token -> 302");
        return reports;
    }

    private Path key(KeyPair pair, String name) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private Path publicKey(KeyPair pair, String name) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    @Test
    void anUnsignedReportVerifiesUntilAFileIsEditedAddedOrRemoved() throws Exception {
        Path reports = report();
        assertThat(ReportDigest.verify(reports, null).exitCode()).as("before sealing").isEqualTo(2);
        ReportDigest.seal(reports, "curl-example", "0.1.0", null);
        assertThat(ReportDigest.verify(reports, null).exitCode()).isZero();
        assertThat(Files.readString(reports.resolve(ReportDigest.DIGEST))).endsWith("  evidence-manifest.json\n");

        Files.writeString(reports.resolve("allure-results/transcript.txt"), "GET /desktop/sso/token -> 200");
        ReportDigest.Check edited = ReportDigest.verify(reports, null);
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.lines()).anySatisfy(line -> assertThat(line).contains("allure-results/transcript.txt changed"));

        ReportDigest.seal(reports, "curl-example", "0.1.0", null);
        Files.writeString(reports.resolve("extra.json"), "{}");
        assertThat(ReportDigest.verify(reports, null).exitCode()).isEqualTo(1);
        Files.delete(reports.resolve("extra.json"));
        Files.writeString(reports.resolve(ReportDigest.MANIFEST), Files.readString(reports.resolve(ReportDigest.MANIFEST))
                .replace("0.1.0", "9.9.9"));
        assertThat(ReportDigest.verify(reports, null).exitCode()).as("an edited manifest").isEqualTo(1);
    }

    @Test
    void aSignedReportVerifiesAgainstItsKeyAndNotAgainstAnother() throws Exception {
        for (String algorithm : new String[] {"Ed25519", "RSA"}) {
            Path reports = report();
            KeyPair signer = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            KeyPair other = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            ReportDigest.seal(reports, "chromium", "156", key(signer, algorithm + ".pem"));
            assertThat(ReportDigest.verify(reports, null).exitCode()).as(algorithm).isZero();
            assertThat(ReportDigest.verify(reports, publicKey(signer, algorithm + "-pub.pem")).exitCode()).isZero();
            assertThat(ReportDigest.verify(reports, publicKey(other, algorithm + "-other.pem")).exitCode())
                    .as(algorithm + " against another key").isEqualTo(1);
            Files.writeString(reports.resolve(ReportDigest.SIGNER), Files.readString(folder.resolve(algorithm
                    + "-other.pem")));
            assertThat(ReportDigest.verify(reports, null).exitCode()).as(algorithm + ", signer swapped").isEqualTo(1);
        }
    }
}
