package dev.ssokit.client.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** Each kind of network failure reads as hop, phase, what happened and a hint; never as a bare class name. */
class NetworkFailuresTest {
    private static final String STORE = "the stub world's CA (/tmp/stub-ca-truststore.p12)";

    private static String describe(Throwable failure) throws Exception {
        String text = NetworkFailures.describe("GET", new URL("https://idp.test:8443/adfs/ls/?SAMLRequest=secret"),
                failure, STORE);
        assertThat(text).doesNotContain("Exception").doesNotContain("SAMLRequest").doesNotContain("secret");
        return text;
    }

    private static <T extends Throwable> T causing(T outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    @Test
    void namesTheHopAndThePhase() throws Exception {
        assertThat(describe(new UnknownHostException("idp.test"))).contains("GET host idp.test path /adfs/ls/",
                "resolve failed", "hosts file");
        assertThat(describe(new ConnectException("Connection refused"))).contains("connect failed", "refused",
                "idp.test:8443");
        assertThat(describe(new SocketTimeoutException("Read timed out"))).contains("read failed",
                "read timeout");
        assertThat(describe(new SocketException("Connection reset"))).contains("read failed", "reset");
        assertThat(describe(new org.apache.http.NoHttpResponseException("idp.test:8443 failed to respond")))
                .contains("closed the connection");
    }

    @Test
    void unknownCaNamesTheTrustStore() throws Exception {
        assertThat(describe(causing(new SSLHandshakeException("PKIX path building failed"),
                new Exception("unable to find valid certification path to requested target"))))
                .contains("TLS failed", "not signed by a certificate authority the client trusts", "trusts only "
                        + STORE);
    }

    @Test
    void hostNameMismatchNamesTheCertificatesNames() throws Exception {
        assertThat(describe(new SSLPeerUnverifiedException("Certificate for <idp.test> doesn't match any of the "
                + "subject alternative names: [elsewhere.test, other.elsewhere.test]")))
                .contains("TLS failed", "does not name idp.test", "[elsewhere.test, other.elsewhere.test]");
    }

    @Test
    void expiredCertificateNamesTheDates() throws Exception {
        assertThat(describe(causing(new SSLHandshakeException("PKIX path validation failed"),
                new CertificateExpiredException("NotAfter: Sun Nov 29 11:40:29 UTC 2026"))))
                .contains("TLS failed", "expired", "valid until Sun Nov 29 11:40:29 UTC 2026", "now ");
    }

    @Test
    void aStoppedHopKeepsItsOwnWords() throws Exception {
        assertThat(describe(new java.io.IOException("wrapped", new HopStopped("GET host idp.test path /adfs/ls/: "
                + "the 4 s operation deadline of acquireToken passed"))))
                .isEqualTo("GET host idp.test path /adfs/ls/: the 4 s operation deadline of acquireToken passed");
    }
}
