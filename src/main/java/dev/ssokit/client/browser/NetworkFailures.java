package dev.ssokit.client.browser;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a network or TLS failure into a sentence a person can act on: which hop (method, host, path), in which
 * phase (resolve, connect, TLS, read), what happened and a hint (the trust store for an unknown CA, the
 * certificate's names for a host-name mismatch, the dates for an expired certificate). A Java exception's class
 * name is never the only explanation.
 */
final class NetworkFailures {
    private static final Pattern SAN_NAMES = Pattern.compile("subject alternative names: (\\[[^\\]]*\\])");

    enum Phase {
        RESOLVE("resolve"), CONNECT("connect"), TLS("TLS"), READ("read");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private NetworkFailures() {
    }

    /** "GET idp.test /adfs/ls/ (https://idp.test:8443): TLS failed: ... Hint: ...". */
    static String describe(String method, URL url, Throwable failure, String trustStore) {
        HopStopped ours = find(failure, HopStopped.class);
        if (ours != null) {
            return ours.getMessage();
        }
        Phase phase = phase(failure);
        return hop(method, url) + ": " + phase + " failed: " + what(failure, url, phase) + hint(failure, url,
                trustStore);
    }

    /** The hop as failures name it: method, host, path, and the origin it went to (no query: it may hold secrets). */
    static String hop(String method, URL url) {
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        return method + " host " + url.getHost() + " path " + path + " (" + url.getProtocol() + "://"
                + url.getAuthority() + path + ")";
    }

    /** scheme://authority/path, the query left out. */
    static String address(URL url) {
        return url.getProtocol() + "://" + url.getAuthority() + (url.getPath() == null ? "" : url.getPath());
    }

    static Phase phase(Throwable failure) {
        if (find(failure, UnknownHostException.class) != null) {
            return Phase.RESOLVE;
        }
        if (find(failure, SSLException.class) != null) {
            return Phase.TLS;
        }
        if (find(failure, org.apache.http.conn.ConnectTimeoutException.class) != null
                || find(failure, ConnectException.class) != null
                || find(failure, NoRouteToHostException.class) != null
                || find(failure, org.apache.http.conn.HttpHostConnectException.class) != null) {
            return Phase.CONNECT;
        }
        if (find(failure, SocketTimeoutException.class) != null && inHandshake(failure)) {
            return Phase.TLS;
        }
        return Phase.READ;
    }

    private static String what(Throwable failure, URL url, Phase phase) {
        String text = messages(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        switch (phase) {
            case RESOLVE:
                return "the host name " + url.getHost() + " does not resolve";
            case CONNECT:
                return find(failure, org.apache.http.conn.ConnectTimeoutException.class) != null
                        || lower.contains("timed out") ? "no connection within the connect timeout"
                        : "the connection was refused (nothing listens on " + url.getAuthority() + ")";
            case TLS:
                if (find(failure, CertificateExpiredException.class) != null) {
                    return "the server's certificate has expired";
                }
                if (find(failure, CertificateNotYetValidException.class) != null) {
                    return "the server's certificate is not valid yet";
                }
                if (lower.contains("pkix path building failed") || lower.contains("unable to find valid certification")
                        || lower.contains("unknown_ca") || lower.contains("unknown ca")) {
                    return "the server's certificate is not signed by a certificate authority the client trusts";
                }
                if (find(failure, SSLPeerUnverifiedException.class) != null || lower.contains("subject alternative")
                        || lower.contains("no name matching")) {
                    return "the server's certificate does not name " + url.getHost();
                }
                if (find(failure, SocketTimeoutException.class) != null) {
                    return "the TLS handshake got no answer within the timeout";
                }
                if (lower.contains("reset")) {
                    return "the server reset the connection during the TLS handshake";
                }
                return "the TLS handshake failed (" + firstLine(text) + ")";
            default:
                if (find(failure, SocketTimeoutException.class) != null) {
                    return "no data arrived within the client's read timeout";
                }
                if (lower.contains("connection reset") || lower.contains("broken pipe")) {
                    return "the server reset the connection";
                }
                if (lower.contains("failed to respond") || lower.contains("end of stream")
                        || lower.contains("premature end") || lower.contains("truncated")
                        || lower.contains("connection closed")) {
                    return "the server closed the connection before a complete answer";
                }
                if (find(failure, org.apache.http.ProtocolException.class) != null
                        || find(failure, org.apache.http.client.ClientProtocolException.class) != null
                        || lower.contains("chunk") || lower.contains("invalid")) {
                    return "the server's answer is not valid HTTP (" + firstLine(text) + ")";
                }
                if (find(failure, SocketException.class) != null) {
                    return "the connection broke (" + firstLine(text) + ")";
                }
                return firstLine(text);
        }
    }

    private static String hint(Throwable failure, URL url, String trustStore) {
        String text = messages(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        CertificateExpiredException expired = find(failure, CertificateExpiredException.class);
        if (expired != null) {
            return ". Hint: " + dates(expired.getMessage()) + "; now " + java.time.Instant.now()
                    + ": the server needs a renewed certificate";
        }
        CertificateNotYetValidException early = find(failure, CertificateNotYetValidException.class);
        if (early != null) {
            return ". Hint: " + dates(early.getMessage()) + "; now " + java.time.Instant.now()
                    + ": check the server's clock or certificate";
        }
        if (lower.contains("pkix path building failed") || lower.contains("unable to find valid certification")) {
            return ". Hint: the client trusts only " + trustStore + "; add the CA that signed " + url.getHost()
                    + "'s certificate there (never trust all)";
        }
        Matcher names = SAN_NAMES.matcher(text);
        if (names.find()) {
            return ". Hint: the certificate names " + names.group(1) + "; use one of those names in the URL, or "
                    + "give the server a certificate for " + url.getHost();
        }
        if (lower.contains("subject alternative") || lower.contains("no name matching")) {
            return ". Hint: the certificate does not list " + url.getHost() + " among its names; give the server "
                    + "a certificate for it";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return ". Hint: check DNS or the hosts file (the kit maps its names in stubs/hosts)";
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return ". Hint: the server accepted the request but stalled; the limit is a client setting "
                    + "(read timeout)";
        }
        return "";
    }

    /** "NotAfter: Tue Nov 28 ..." -> "the certificate is valid until Tue Nov 28 ...". */
    private static String dates(String message) {
        if (message == null) {
            return "the certificate's validity dates do not cover today";
        }
        return "the certificate says " + message.replace("NotAfter:", "valid until").replace("NotBefore:",
                "valid from").trim();
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean inHandshake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getMethodName().toLowerCase(Locale.ROOT).contains("handshake")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                text.append(t.getMessage()).append(" | ");
            }
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        String first = text.split(" \\| ")[0].trim();
        return first.isEmpty() ? "no detail given" : first.split("\n")[0];
    }
}
