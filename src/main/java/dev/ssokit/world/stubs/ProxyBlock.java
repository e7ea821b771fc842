package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;

/**
 * The VPN-less reverse proxy's IP block (finesse-sso-protocol.md 8.13, CCE Reverse Proxy Installation Guide
 * 15.0(1): "client IPs are blocked after repeated failed authentications"). Cisco documents the block; how many
 * failures, for how long and with which answer it does not: the count and period are world settings and the answer
 * (403 with Retry-After and a page that says why) is a stub choice. It counts 401 answers of Finesse and IdS (the
 * systems behind the proxy) per client address; the IdP is not behind it.
 */
final class ProxyBlock {
    /** The header that marks a block answer in the journal (besides its 403): seconds left of the block. */
    static final String RETRY_AFTER = "Retry-After";

    private ProxyBlock() {
    }

    /** The proxy's answer to a client address it currently blocks, or null. */
    static ResponseDefinition blocked(StubContext context, Request request) {
        if (context.settings.proxyBlockAfterFailures() <= 0) {
            return null;
        }
        Instant until = context.state.proxyBlockedUntil.get(address(request));
        Instant now = context.clock.instant();
        if (until == null || !now.isBefore(until)) {
            return null;
        }
        long seconds = Math.max(1, java.time.Duration.between(now, until).toSeconds());
        return ResponseDefinitionBuilder.responseDefinition().withStatus(403)
                .withHeader("Content-Type", "text/html;charset=utf-8")
                .withHeader(RETRY_AFTER, Long.toString(seconds))
                .withBody("<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access blocked"
                        + "</h1><p>The reverse proxy blocked this client address after "
                        + context.settings.proxyBlockAfterFailures() + " failed authentications. Try again in "
                        + seconds + " seconds.</p></body></html>")
                .build();
    }

    /** Counts a failed authentication (a 401) and starts the block once the count is reached. */
    static void count(StubContext context, Request request, ResponseDefinition answered) {
        int threshold = context.settings.proxyBlockAfterFailures();
        if (threshold <= 0 || answered == null || answered.getStatus() != 401) {
            return;
        }
        int failures = context.state.proxyFailures.merge(address(request), 1, Integer::sum);
        if (failures >= threshold) {
            context.state.proxyBlockedUntil.put(address(request),
                    context.clock.instant().plus(context.settings.proxyBlockPeriod()));
            context.state.proxyFailures.remove(address(request));
        }
    }

    private static String address(Request request) {
        String ip = request.getClientIp();
        return ip == null ? "?" : ip;
    }
}
