package dev.ssokit.world.standalone;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.ssokit.world.LabLinkExtension;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.StubSystem;
import dev.ssokit.world.TlsMaterial;
import dev.ssokit.world.TokenService;
import dev.ssokit.world.UserDirectory;
import dev.ssokit.world.VirtualClock;
import dev.ssokit.world.WorldSettings;
import dev.ssokit.world.saml.IdpTrust;
import dev.ssokit.world.stubs.FinesseStubs;
import dev.ssokit.world.stubs.IdpStubs;
import dev.ssokit.world.stubs.IdsStubs;
import dev.ssokit.world.stubs.StubContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * One system of the stub world inside a standalone WireMock process (no kit JVM around it): its own settings
 * (the defaults), state, wall clock and keys. What crosses systems goes over HTTPS as between the real servers:
 * Finesse redeems codes and refreshes at IdS's token endpoint and validates tokens with IdS's public key; IdS
 * trusts the IdP's signing certificate from the IdP's metadata. Shared files: standalone.json, users.json and the
 * TLS key store.
 */
final class StandaloneWorld {
    private StandaloneWorld() {
    }

    static List<Extension> extensions(StubSystem system, WireMockServices services) {
        Path rootDir = Path.of(services.getOptions().filesRoot().getPath());
        StandaloneConfig config = StandaloneConfig.forRootDir(rootDir);
        SSLContext tls = BackchannelTls.from(services.getOptions().httpsSettings());
        VirtualClock clock = VirtualClock.wall();
        StubContext context = new StubContext(new WorldSettings(), new SsoState(),
                UserDirectory.load(config.stubs().resolve("users.json")),
                new TokenService(config.ids().getHost(), clock), clock);
        context.baseUris(config.finesse(), config.ids(), config.idp());
        List<Extension> extensions = new ArrayList<>();
        switch (system) {
            case FINESSE -> {
                context.linkIds(new HttpIds(config.ids(), tls));
                extensions.addAll(FinesseStubs.all(context));
            }
            case IDS -> {
                IdpTrust trust = new IdpTrust(null, clock);
                context.idpTrust = trust;
                extensions.add(new IdpMetadataTrust(trust, config.idp(), URI.create(context.idpSsoUrl()), tls));
                extensions.addAll(IdsStubs.all(context));
            }
            case IDP -> {
                context.idpTrust = new IdpTrust(signingKey(config.idp().getHost()), clock);
                extensions.addAll(IdpStubs.all(context));
            }
        }
        extensions.add(LabLinkExtension.of(config.labLinks()));
        extensions.add(new StandaloneJournal(system, clock));
        return extensions;
    }

    /** The IdP's own RSA SAML-signing key and certificate (from a throw-away CA; IdS reads it from the metadata). */
    private static TlsMaterial.IssuedKey signingKey(String host) {
        Path folder;
        try {
            folder = Files.createTempDirectory("finesse-sso-kit-idp-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the IdP's signing key", e);
        }
        try {
            return TlsMaterial.generate(List.of(host), folder).issueRsa("stub IdP SAML signing", List.of());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // throw-away keys of a CA that signs nothing else
            }
        }
    }
}
