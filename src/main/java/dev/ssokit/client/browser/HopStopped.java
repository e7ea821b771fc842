package dev.ssokit.client.browser;

import java.io.IOException;

/**
 * A hop the client stopped, with a complete message: a limit fired (deadline, body size), a rule refused it
 * (scheme, mixed content, credentials over http) or the network failed (translated by {@link NetworkFailures}).
 */
final class HopStopped extends IOException {
    HopStopped(String message) {
        super(message);
    }
}
