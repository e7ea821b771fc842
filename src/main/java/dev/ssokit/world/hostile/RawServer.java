package dev.ssokit.world.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP server for what WireMock cannot do: a body of 100 MB streamed (never held in memory), a body that
 * stops half-way, TLS with a faulty certificate. Loopback only, an ephemeral port, daemon threads; it stops by
 * itself after its lifetime, and every wait in it is bounded.
 */
final class RawServer implements AutoCloseable {
    /** What the server does once a request has arrived. */
    enum Behaviour {
        /** A 100 MB HTML page sent chunked, without a Content-Length. */
        ENDLESS_PAGE,
        /** A 100 MB HTML page announced by its Content-Length. */
        HUGE_ANNOUNCED_PAGE,
        /** Headers and the first bytes of a page, then silence (until the lifetime ends or the client leaves). */
        STALL_MID_BODY,
        /** A small page: what a TLS-fault server serves to a client that accepted its certificate. */
        SMALL_PAGE
    }

    static final long HUGE_BYTES = 100L * 1024 * 1024;
    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Duration STALL = Duration.ofSeconds(20);

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final long stopsAt;
    private volatile boolean closed;

    private RawServer(ServerSocket socket, Behaviour behaviour) {
        this.socket = socket;
        this.behaviour = behaviour;
        this.stopsAt = System.nanoTime() + LIFETIME.toNanos();
        Thread acceptor = new Thread(this::accept, "hostile-raw-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawServer start(Behaviour behaviour, SSLContext tls) {
        try {
            ServerSocket server = tls == null ? new ServerSocket(0, 8, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
            server.setSoTimeout(500);
            return new RawServer(server, behaviour);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a hostile test server on loopback: " + e.getMessage(), e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed && System.nanoTime() < stopsAt) {
            try {
                Socket client = socket.accept();
                Thread handler = new Thread(() -> serve(client), "hostile-raw-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (SocketTimeoutException tick) {
                // look at the clock again
            } catch (IOException e) {
                break;
            }
        }
        close();
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(5000);
            readRequestHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            switch (behaviour) {
                case ENDLESS_PAGE -> {
                    out.write(head("Transfer-Encoding: chunked"));
                    byte[] chunk = filler(16 * 1024);
                    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (long sent = 0; sent < HUGE_BYTES && !closed; sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                case HUGE_ANNOUNCED_PAGE -> {
                    out.write(head("Content-Length: " + HUGE_BYTES));
                    byte[] chunk = filler(16 * 1024);
                    for (long sent = 0; sent < HUGE_BYTES && !closed; sent += chunk.length) {
                        out.write(chunk);
                    }
                }
                case STALL_MID_BODY -> {
                    out.write(head("Content-Length: 4096"));
                    out.write(filler(512));
                    out.flush();
                    long until = System.nanoTime() + STALL.toNanos();
                    while (!closed && System.nanoTime() < until) {
                        sleep();
                    }
                }
                case SMALL_PAGE -> {
                    byte[] body = "<html><head><title>served</title></head><body>served</body></html>"
                            .getBytes(StandardCharsets.US_ASCII);
                    out.write(head("Content-Length: " + body.length));
                    out.write(body);
                }
            }
            out.flush();
        } catch (IOException gone) {
            // the client stopped reading (as it should) or refused the handshake
        }
    }

    private static byte[] head(String framing) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=utf-8\r\n" + framing
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] open = "<p>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, bytes, 0, open.length);
        return bytes;
    }

    /** Reads up to the blank line that ends the request head (bounded: 64 KiB, the socket's read timeout). */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        for (int read = 0; read < 65_536; read++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
