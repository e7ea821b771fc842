package dev.ssokit.world;

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
import java.security.spec.ECGenParameterSpec;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made at start, and one server certificate for every stub host name.
 * Clients trust exactly this CA (no trust-all): a client that skips verification is not tested here, one that
 * verifies against the JDK's roots fails loudly, as it would against a lab with a private CA.
 */
public final class TlsMaterial {
    private static final char[] STORE_PASSWORD = "stub-world".toCharArray();

    private final X509Certificate caCertificate;
    private final Path serverKeyStore;
    private final Path trustStore;
    private volatile SSLContext clientContext;
    private final KeyPair caKeys;
    private final Path directory;

    private TlsMaterial(X509Certificate caCertificate, Path serverKeyStore, Path trustStore, KeyPair caKeys,
                        Path directory) {
        this.caCertificate = caCertificate;
        this.serverKeyStore = serverKeyStore;
        this.trustStore = trustStore;
        this.caKeys = caKeys;
        this.directory = directory;
    }

    public static TlsMaterial generate(List<String> hostNames, Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPair caKeys = ecKeyPair();
            X500Name caName = new X500Name("CN=Finesse SSO Kit stub CA " + Instant.now().getEpochSecond());
            Instant from = Instant.now().minus(Duration.ofDays(1));
            Instant to = Instant.now().plus(Duration.ofDays(30));
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                    Date.from(to), caName, caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCert = sign(ca, caKeys);

            KeyPair serverKeys = ecKeyPair();
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                    Date.from(to), new X500Name("CN=" + hostNames.get(0)), serverKeys.getPublic());
            List<GeneralName> names = new ArrayList<>();
            for (String host : hostNames) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            server.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate serverCert = sign(server, caKeys);

            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("stub", serverKeys.getPrivate(), STORE_PASSWORD,
                    new X509Certificate[] {serverCert, caCert});
            Path keyStorePath = directory.resolve("stub-servers.p12");
            store(keyStore, keyStorePath);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("stub-ca", caCert);
            Path trustPath = directory.resolve("stub-ca-truststore.p12");
            store(trust, trustPath);
            return new TlsMaterial(caCert, keyStorePath, trustPath, caKeys, directory);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Could not generate the stub world's TLS certificates in " + directory, e);
        }
    }

    /**
     * A further server key store (PKCS12, {@link #storePassword()}) signed by this CA, for the hostile lab's TLS
     * faults: a certificate for other names (host-name mismatch) or with past dates (expired).
     */
    public Path issueServerKeyStore(String fileName, List<String> hostNames, Instant notBefore, Instant notAfter) {
        try {
            X500Name caName = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
            KeyPair keys = ecKeyPair();
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(notBefore),
                    Date.from(notAfter), new X500Name("CN=" + hostNames.get(0)), keys.getPublic());
            List<GeneralName> names = new ArrayList<>();
            for (String host : hostNames) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            server.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = sign(server, caKeys);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("stub", keys.getPrivate(), STORE_PASSWORD, new X509Certificate[] {cert, caCertificate});
            Path path = directory.resolve(fileName);
            store(keyStore, path);
            return path;
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Could not issue a certificate for " + hostNames + " in " + directory, e);
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, new SecureRandom());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws org.bouncycastle.operator.OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void store(KeyStore keyStore, Path path) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(path)) {
            keyStore.store(out, STORE_PASSWORD);
        }
    }

    /**
     * An SSLContext that trusts the stub CA and nothing else. One per world, as a desktop client keeps one for its
     * lifetime: its session cache lets later connections resume instead of paying a full handshake.
     */
    public SSLContext clientContext() {
        SSLContext context = clientContext;
        if (context == null) {
            synchronized (this) {
                if (clientContext == null) {
                    clientContext = newClientContext();
                }
                context = clientContext;
            }
        }
        return context;
    }

    private SSLContext newClientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("stub-ca", caCertificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a client TLS context for the stub CA", e);
        }
    }

    /** The stub CA as a trust KeyStore, for clients that take one (REST Assured). */
    public KeyStore trustKeyStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("stub-ca", caCertificate);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a trust store for the stub CA", e);
        }
    }

    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /** PKCS12 file with only the stub CA, for clients outside this JVM (password: {@link #storePassword()}). */
    public Path trustStore() {
        return trustStore;
    }

    public String storePassword() {
        return new String(STORE_PASSWORD);
    }
}
