package dev.ssokit.world.serve;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code ./kit serve} was asked for. Ports 0 = any free port (what tests use).
 *
 * @param root               the kit's folder (stubs/ under it)
 * @param state              where the CA and the control token persist, or empty for throw-away ones
 * @param worldFile          where world.json is written
 * @param coResident         Finesse and IdS on one host name
 * @param finesseHost        null = the topology's default (finesse.test, or ccx.test co-resident)
 * @param accessTokenSeconds access-token lifetime, 0 = the stub default (300 s)
 * @param wallClock          true for serve; false only in tests that want the virtual clock
 */
public record ServeOptions(Path root, Optional<Path> state, Path worldFile, boolean coResident, String finesseHost,
                           String idsHost, String idpHost, int finessePort, int httpPort, int idsPort, int idpPort,
                           int controlPort, long accessTokenSeconds, boolean wallClock, int journalLimit) {
    public static final int FINESSE_PORT = 8445;
    public static final int HTTP_PORT = 8082;
    public static final int IDS_PORT = 8553;
    public static final int IDP_PORT = 8443;
    public static final int CONTROL_PORT = 8600;

    /** Every port ephemeral, throw-away CA, world.json into the given file: for tests and the benchmark. */
    public static ServeOptions ephemeral(Path root, Path worldFile) {
        return new ServeOptions(root, Optional.empty(), worldFile, false, null, null, null, 0, 0, 0, 0, 0, 0, true,
                50_000);
    }

    public ServeOptions withState(Path directory) {
        return new ServeOptions(root, Optional.of(directory), worldFile, coResident, finesseHost, idsHost, idpHost,
                finessePort, httpPort, idsPort, idpPort, controlPort, accessTokenSeconds, wallClock, journalLimit);
    }

    public ServeOptions withCoResident(boolean together) {
        return new ServeOptions(root, state, worldFile, together, finesseHost, idsHost, idpHost,
                finessePort, httpPort, idsPort, idpPort, controlPort, accessTokenSeconds, wallClock, journalLimit);
    }

    public ServeOptions withAccessTokenSeconds(long seconds) {
        return new ServeOptions(root, state, worldFile, coResident, finesseHost, idsHost, idpHost,
                finessePort, httpPort, idsPort, idpPort, controlPort, seconds, wallClock, journalLimit);
    }
}
