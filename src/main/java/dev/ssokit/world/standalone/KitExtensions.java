package dev.ssokit.world.standalone;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.ssokit.world.StubSystem;
import java.nio.file.Path;
import java.util.List;

/**
 * The kit's stubs for standalone WireMock, found by WireMock's extension scanning (META-INF/services; on by
 * default in wiremock-standalone, off in the kit's embedded world). Which system a process plays follows from its
 * --root-dir: {@code stubs/finesse}, {@code stubs/ids} or {@code stubs/idp}.
 */
public final class KitExtensions implements ExtensionFactory {
    @Override
    public List<Extension> create(WireMockServices services) {
        Path rootDir = Path.of(services.getOptions().filesRoot().getPath()).toAbsolutePath().normalize();
        String folder = rootDir.getFileName() == null ? "" : rootDir.getFileName().toString();
        for (StubSystem system : StubSystem.values()) {
            if (system.folder().equals(folder)) {
                return StandaloneWorld.extensions(system, services);
            }
        }
        throw new IllegalStateException("The Finesse SSO kit's WireMock extensions are on the class path, but --root-dir "
                + rootDir + " is none of the kit's stubs/finesse, stubs/ids or stubs/idp: pass one of those, or leave "
                + "the kit's jar off the class path (or start WireMock with --disable-extensions-scanning)");
    }
}
