package dev.ssokit.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Keys for the report's detached signature: an Ed25519 or RSA private key in PEM (PKCS#8 "PRIVATE KEY", or
 * "RSA PRIVATE KEY"), its public key derived from it, and a public key read back from PEM. JCA does the signing;
 * BouncyCastle reads the PEM and derives an Ed25519 public key.
 */
final class EvidenceKeys {
    private EvidenceKeys() {
    }

    static KeyPair readPrivate(Path file) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair);
            }
            if (parsed instanceof PrivateKeyInfo info) {
                PrivateKey key = converter.getPrivateKey(info);
                return new KeyPair(publicOf(key), key);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the signing key " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + " holds no unencrypted private key in PEM (make one with: openssl "
                + "genpkey -algorithm ed25519 -out key.pem, or -algorithm rsa)");
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException, IOException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(),
                    rsa.getPublicExponent()));
        }
        if (key instanceof EdECPrivateKey || "Ed25519".equalsIgnoreCase(key.getAlgorithm())
                || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            byte[] seed = org.bouncycastle.asn1.ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw)
                    .getEncoded();
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        throw new GeneralSecurityException("only Ed25519 and RSA keys sign reports, not " + key.getAlgorithm());
    }

    static PublicKey readPublic(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"Ed25519", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static String algorithm(java.security.Key key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "Ed25519";
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm(key));
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signed) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm(key));
        signature.initVerify(key);
        signature.update(data);
        return signature.verify(signed);
    }

    static String fingerprint(PublicKey key) throws GeneralSecurityException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                .substring(0, 16);
    }
}
