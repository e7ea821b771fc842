package dev.ssokit.labtarget;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * One TLS handshake to a lab URL, verified against the trust bundle (chain and host name, as a browser does). On
 * failure it says which certificates the host presented (names and dates), so the fix is clear.
 */
final class TlsProbe {
    private TlsProbe() {
    }

    static Optional<PreflightProblem> check(URI url, TrustBundle trust, Duration timeout) {
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : 443;
        Capturing capturing;
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore store = trust.keyStore();
            factory.init(store);
            capturing = new Capturing((X509TrustManager) factory.getTrustManagers()[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capturing}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return Optional.empty();
            } catch (IOException e) {
                if (capturing.presented.isEmpty()) {
                    return Optional.of(new PreflightProblem("tls " + host + ":" + port, "no TLS handshake with "
                            + host + ":" + port + " (" + e.getMessage() + ")", "check that the URL's port serves HTTPS "
                            + "and that no firewall blocks it"));
                }
                return Optional.of(new PreflightProblem("tls " + host + ":" + port, host + ":" + port
                        + " presented " + describe(capturing.presented) + ", which the trust bundle "
                        + trust.source() + " does not accept (" + rootCause(e) + "); the bundle holds "
                        + trust.describe(), "add the CA that issued " + host + "'s certificate to " + trust.source()
                        + " (or, on a host-name mismatch, use the name the certificate gives); the kit never "
                        + "trusts all certificates"));
            }
        } catch (GeneralSecurityException e) {
            return Optional.of(new PreflightProblem("tls " + host + ":" + port, "cannot set up TLS for " + host
                    + " (" + e.getMessage() + ")", "check the trust bundle " + trust.source()));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String describe(List<X509Certificate> chain) {
        List<String> lines = new ArrayList<>();
        for (X509Certificate c : chain) {
            lines.add("[" + c.getSubjectX500Principal().getName() + ", issued by " + c.getIssuerX500Principal().getName()
                    + ", valid " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + "]");
        }
        return String.join(" ", lines);
    }

    /** Delegates every decision to the real trust manager; only remembers what the server presented. */
    private static final class Capturing implements X509TrustManager {
        private final X509TrustManager delegate;
        private volatile List<X509Certificate> presented = List.of();

        Capturing(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            presented = List.of(chain);
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
