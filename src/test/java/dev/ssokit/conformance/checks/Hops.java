package dev.ssokit.conformance.checks;

import dev.ssokit.model.Secret;
import dev.ssokit.model.TokenSet;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.StubSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds small journals by hand for the checks' unit tests: one fluent hop at a time. */
final class Hops {
    private final List<Exchange> exchanges = new ArrayList<>();
    private Optional<TokenSet> token = Optional.empty();
    private Optional<String> failure = Optional.empty();

    static Hops journal() {
        return new Hops();
    }

    Hop hop(StubSystem system, String method, String target) {
        return new Hop(this, system, method, target);
    }

    Hops token(String userId, boolean withRefresh) {
        token = Optional.of(new TokenSet(Secret.of("eyJ.access"), withRefresh ? Secret.of("eyJ.refresh") : null, 300,
                userId, "finesse.com", userId + "@finesse.com", Instant.EPOCH));
        return this;
    }

    Hops failure(String text) {
        failure = Optional.of(text);
        return this;
    }

    Evidence evidence() {
        return new Evidence(List.copyOf(exchanges), token, Optional.empty(), failure);
    }

    static final class Hop {
        private final Hops journal;
        private final StubSystem system;
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        private String body;
        private String responseBody;
        private long at;
        private String scheme = "https";
        private String host;
        private int port = 8443;

        private Hop(Hops journal, StubSystem system, String method, String target) {
            this.journal = journal;
            this.system = system;
            this.method = method;
            int question = target.indexOf('?');
            this.path = question < 0 ? target : target.substring(0, question);
            this.query = question < 0 ? null : target.substring(question + 1);
        }

        Hop header(String name, String value) {
            requestHeaders.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
            return this;
        }

        Hop form(String encodedBody) {
            header("content-type", "application/x-www-form-urlencoded");
            body = encodedBody;
            return this;
        }

        Hop body(String text) {
            body = text;
            return this;
        }

        Hop at(long second) {
            at = second;
            return this;
        }

        Hop setCookie(String value) {
            responseHeaders.computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(value);
            return this;
        }

        Hop retryAfter(String seconds) {
            responseHeaders.computeIfAbsent("retry-after", k -> new ArrayList<>()).add(seconds);
            return this;
        }

        Hop location(String value) {
            responseHeaders.computeIfAbsent("location", k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Another origin than the system's default (https, its .test name, 8443). */
        Hop on(String onScheme, String onHost, int onPort) {
            scheme = onScheme;
            host = onHost;
            port = onPort;
            return this;
        }

        Hop page(String html) {
            responseBody = html;
            return this;
        }

        Hops answer(int status) {
            String defaultHost = switch (system) {
                case FINESSE -> "finesse.test";
                case IDS -> "ids.test";
                case IDP -> "idp.test";
            };
            journal.exchanges.add(new Exchange(journal.exchanges.size() + 1, system, at, method, scheme,
                    host == null ? defaultHost : host, port, path, query,
                    requestHeaders, body, status, responseHeaders, responseBody));
            return journal;
        }
    }
}
