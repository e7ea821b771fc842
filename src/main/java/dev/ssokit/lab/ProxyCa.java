package dev.ssokit.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The recorder's own CA, made fresh for each run: WireMock signs a certificate per intercepted host with it, and
 * the client trusts it (and only it) for that run. RSA, because WireMock's leaf generator reuses the CA's algorithm.
 * WireMock mints those per-host certificates with JDK internals that Java 17 only opens with
 * {@code --add-exports java.base/sun.security.x509=ALL-UNNAMED}; without that flag it serves the CA certificate
 * itself, so the CA also names the target's hosts (and only those) and may act as a TLS server certificate.
 */
final class ProxyCa {
    static final String PASSWORD = "ssokit-recorder";
    private final X509Certificate certificate;
    private final Path keyStore;
    private final KeyPair keys;

    private ProxyCa(X509Certificate certificate, Path keyStore, KeyPair keys) {
        this.certificate = certificate;
        this.keyStore = keyStore;
        this.keys = keys;
    }

    static ProxyCa generate(List<String> hostNames, Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Finesse SSO Kit recorder CA " + Instant.now().getEpochSecond());
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(63, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                    | KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            List<GeneralName> names = new ArrayList<>();
            for (String host : hostNames) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("recorder-ca", keys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {ca});
            Path file = directory.resolve("recorder-ca.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new ProxyCa(ca, file, keys);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not make the recorder's CA in " + directory, e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    Path keyStore() {
        return keyStore;
    }

    /** A client TLS context trusting this CA and nothing else. */
    SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("recorder-ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a client TLS context for the recorder CA", e);
        }
    }
}
