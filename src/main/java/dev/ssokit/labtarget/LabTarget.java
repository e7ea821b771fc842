package dev.ssokit.labtarget;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A lab as the kit sees it, read from {@code targets/<name>.yaml} by {@link TargetLoader} (see
 * {@code targets/example-lab.yaml}). It holds where secrets come from, never the secrets.
 */
public record LabTarget(Path file, String name, URI finesse, Optional<URI> finesseSecondary, URI ids,
                        Deployment deployment, String idpPreset, List<Agent> agents, Trust trust) {

    public enum Deployment { UCCE, UCCX }

    /** One agent account: Finesse login name, the name the IdP's login page takes, the extension, the password. */
    public record Agent(String loginName, String idpLoginName, String extension, SecretRef password) {
    }

    /** The lab's certificates: a PEM bundle or a PKCS12 trust store (with the source of its password). */
    public record Trust(Path path, Format format, Optional<SecretRef> password) {
        public enum Format { PEM, PKCS12 }
    }

    /** Every URL the kit talks to: primary and secondary Finesse, then IdS. */
    public List<URI> urls() {
        return finesseSecondary.map(secondary -> List.of(finesse, secondary, ids)).orElse(List.of(finesse, ids));
    }
}
