package dev.ssokit.labtarget;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The lab's CA certificates (from a PEM bundle or a PKCS12 store) as a trust store; never trust-all. */
public final class TrustBundle {
    private final Path source;
    private final List<X509Certificate> certificates;

    private TrustBundle(Path source, List<X509Certificate> certificates) {
        this.source = source;
        this.certificates = List.copyOf(certificates);
    }

    public static TrustBundle of(Path source, List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + ": holds no certificate. Fix: put the lab's CA certificate(s) "
                    + "in it (PEM: -----BEGIN CERTIFICATE----- blocks)");
        }
        return new TrustBundle(source, certificates);
    }

    /** Reads the target's trust; the PKCS12 password comes from its secret source (blank when none is named). */
    public static TrustBundle load(LabTarget.Trust trust, Function<String, String> environment) {
        try (InputStream in = Files.newInputStream(trust.path())) {
            List<X509Certificate> certificates = new ArrayList<>();
            if (trust.format() == LabTarget.Trust.Format.PEM) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certificates.add((X509Certificate) certificate);
                }
            } else {
                char[] password = trust.password().flatMap(ref -> ref.resolve(environment)).orElse("").toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                for (String alias : Collections.list(store.aliases())) {
                    if (store.getCertificate(alias) instanceof X509Certificate x509) {
                        certificates.add(x509);
                    }
                }
            }
            return of(trust.path(), certificates);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(trust.path() + ": cannot read the lab's certificates (" + e.getMessage()
                    + "). Fix: give a PEM bundle of CA certificates, or a PKCS12 trust store with its password source",
                    e);
        }
    }

    public Path source() {
        return source;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("lab-ca-" + i, certificates.get(i));
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a trust store from " + source, e);
        }
    }

    /** A TLS context that trusts these certificates and nothing else. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a TLS context from " + source, e);
        }
    }

    /** Writes these certificates as a PKCS12 trust store (for tools that only take a file). */
    public Path writePkcs12(Path file, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore().store(out, password.toCharArray());
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the lab trust store " + file, e);
        }
    }

    /** "subject (issuer ..., valid from .. to ..)" for each certificate, for failure messages. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (X509Certificate c : certificates) {
            lines.add(c.getSubjectX500Principal().getName() + " (valid " + c.getNotBefore().toInstant() + " to "
                    + c.getNotAfter().toInstant() + ")");
        }
        return lines;
    }
}
