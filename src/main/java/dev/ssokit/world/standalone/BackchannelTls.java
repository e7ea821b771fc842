package dev.ssokit.world.standalone;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the calls between the standalone servers: they trust the CA at the end of the chain in their own
 * --https-keystore (and any trusted certificate in it), with host-name verification, as real servers trust the
 * deployment's CA. No trust-all.
 */
final class BackchannelTls {
    private BackchannelTls() {
    }

    static SSLContext from(HttpsSettings https) {
        String path = https.keyStorePath();
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("The kit's WireMock extensions need --https-keystore (the kit's "
                    + "server.p12, see docs/standalone-wiremock.md); got " + path);
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore keys = KeyStore.getInstance(https.keyStoreType() == null ? "PKCS12" : https.keyStoreType());
            keys.load(in, https.keyStorePassword() == null ? null : https.keyStorePassword().toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (String alias : Collections.list(keys.aliases())) {
                Certificate[] chain = keys.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    trust.setCertificateEntry("anchor-" + n++, chain[chain.length - 1]);
                } else if (keys.isCertificateEntry(alias)) {
                    trust.setCertificateEntry("anchor-" + n++, keys.getCertificate(alias));
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store " + path + " (type " + https.keyStoreType()
                    + "): " + e.getMessage() + "; check --keystore-type and --keystore-password", e);
        }
    }
}
