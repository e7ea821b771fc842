package dev.ssokit.lab;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

/**
 * WireMock's notices, minus the one that says it cannot mint a certificate per host on this JVM: the recorder then
 * serves its CA certificate, which names all the target's hosts (see {@link ProxyCa}), by design.
 */
final class QuietNotifier implements Notifier {
    private final Notifier delegate = new Slf4jNotifier(false);

    @Override
    public void info(String message) {
        delegate.info(message);
    }

    @Override
    public void error(String message) {
        if (!expected(message)) {
            delegate.error(message);
        }
    }

    @Override
    public void error(String message, Throwable t) {
        if (!expected(message)) {
            delegate.error(message, t);
        }
    }

    private static boolean expected(String message) {
        return message != null && message.startsWith("Dynamic certificate generation is not supported");
    }
}
