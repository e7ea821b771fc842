package dev.ssokit.conformance.checks;

import dev.ssokit.world.Exchange;
import java.net.URI;

/** A request target named without its port ("https://ids.test/lab/c2/check"): scheme, host and path. */
public record Target(String scheme, String host, String path) {
    public static Target parse(String url) {
        URI uri = URI.create(url);
        return new Target(uri.getScheme(), uri.getHost(), uri.getRawPath());
    }

    public boolean matches(Exchange e) {
        return e.scheme().equals(scheme) && e.host().equals(host) && e.path().equals(path);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + path;
    }
}
