package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;

/** One expected hop of the redirect chain: which system, which method, which path. */
public record ExpectHop(String system, String method, String path) {
    boolean matches(Exchange e) {
        return Exchanges.system(e).equalsIgnoreCase(system) && e.method().equalsIgnoreCase(method)
                && e.path().equals(path);
    }

    @Override
    public String toString() {
        return method + " " + system + " " + path;
    }
}
