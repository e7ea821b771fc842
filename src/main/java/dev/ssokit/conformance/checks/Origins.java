package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.util.List;

/** Listings that show each request's scheme, host and port: where a credential went is the point (S1-S3). */
final class Origins {
    private Origins() {
    }

    static String listing(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : exchanges) {
            text.append("\n    #").append(exchange.sequence()).append(' ').append(exchange.method()).append(' ')
                    .append(exchange.origin()).append(exchange.path()).append(" -> ").append(exchange.status());
        }
        return text.toString();
    }
}
