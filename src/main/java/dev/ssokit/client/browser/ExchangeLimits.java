package dev.ssokit.client.browser;

import dev.ssokit.client.Limits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpRequest;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.EofSensorInputStream;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.execchain.ClientExecChain;

/**
 * The {@link Limits} on the wire, inside HtmlUnit's HTTP client: connect and read timeouts shrink to what is left
 * of the operation's deadline, a body larger than its content type's limit is refused from its Content-Length or
 * stopped while it is read (never buffered), and a body still arriving when the deadline passes (a dribble) is
 * cut off. A stopped body's connection is aborted, not drained.
 */
final class ExchangeLimits {
    private final OperationDeadline deadline;

    ExchangeLimits(OperationDeadline deadline) {
        this.deadline = deadline;
    }

    ClientExecChain around(ClientExecChain next) {
        return (route, request, context, aware) -> {
            Limits limits = deadline.limits();
            RequestConfig config = context.getRequestConfig() == null ? RequestConfig.DEFAULT : context.getRequestConfig();
            context.setRequestConfig(RequestConfig.copy(config)
                    .setConnectTimeout(deadline.boundMillis(limits.connectTimeout()))
                    .setSocketTimeout(deadline.boundMillis(limits.readTimeout())).build());
            CloseableHttpResponse response = next.execute(route, request, context, aware);
            return admit(hop(route, request), response);
        };
    }

    private CloseableHttpResponse admit(String hop, CloseableHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return response;
        }
        Header type = entity.getContentType();
        String contentType = type == null ? "" : type.getValue();
        long cap = deadline.limits().bytesFor(contentType);
        String kind = kind(contentType);
        if (entity.getContentLength() > cap) {
            response.close();
            throw new HopStopped(hop + ": the " + kind + " body is " + entity.getContentLength() + " bytes "
                    + "(Content-Length), over the client's " + Limits.showBytes(cap) + " limit for " + kind
                    + " bodies: not read");
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException {
                return new Capped(super.getContent(), cap, hop, kind);
            }
        });
        return response;
    }

    private static String kind(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("json") ? "JSON" : type.contains("xml") && !type.contains("xhtml") ? "XML" : "page";
    }

    /** "GET idp.test /adfs/ls/" (the query left out: it may carry secrets). */
    static String hop(HttpRoute route, HttpRequest request) {
        String uri = request instanceof HttpRequestWrapper wrapper ? wrapper.getOriginal().getRequestLine().getUri()
                : request.getRequestLine().getUri();
        String path = java.net.URI.create(uri.replace(" ", "%20")).getRawPath();
        return request.getRequestLine().getMethod() + " " + route.getTargetHost().getSchemeName() + "://"
                + route.getTargetHost().getHostName() + ":" + route.getTargetHost().getPort()
                + (path == null || path.isEmpty() ? "/" : path);
    }

    /** Counts the bytes read, stops at the cap or the deadline, and then aborts the connection. */
    private final class Capped extends FilterInputStream {
        private final long cap;
        private final String hop;
        private final String kind;
        private long read;
        private boolean stopped;

        Capped(InputStream in, long cap, String hop, String kind) {
            super(in);
            this.cap = cap;
            this.hop = hop;
            this.kind = kind;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (deadline.passed()) {
                throw stop(hop + ": " + deadline.passedText() + " while the body was still arriving (" + read
                        + " bytes so far)");
            }
            int n = super.read(buffer, offset, (int) Math.min(length, cap + 1 - read));
            if (n > 0) {
                read += n;
                if (read > cap) {
                    throw stop(hop + ": the " + kind + " body passed the client's " + Limits.showBytes(cap)
                            + " limit for " + kind + " bodies; the client stopped reading it");
                }
            }
            return n;
        }

        private HopStopped stop(String message) {
            abort();
            return new HopStopped(message);
        }

        private void abort() {
            stopped = true;
            if (in instanceof EofSensorInputStream sensor) {
                try {
                    sensor.abortConnection();
                } catch (IOException ignored) {
                    // the connection is gone either way
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (deadline.passed() && !stopped) {
                abort();
            }
            if (!stopped) {
                super.close();
            }
        }
    }
}
