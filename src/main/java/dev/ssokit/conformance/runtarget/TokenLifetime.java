package dev.ssokit.conformance.runtarget;

import dev.ssokit.world.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The access-token lifetime a target issues, from the first token JSON in a journal ({@code "expires_in"}). */
final class TokenLifetime {
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*\"?(\\d+)");

    private TokenLifetime() {
    }

    static Optional<Duration> firstIn(List<Exchange> journal) {
        for (Exchange exchange : journal) {
            if (exchange.path().equals("/desktop/sso/token") && exchange.status() == 200
                    && exchange.responseBody() != null) {
                Matcher m = EXPIRES_IN.matcher(exchange.responseBody());
                if (m.find()) {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
                }
            }
        }
        return Optional.empty();
    }
}
