package dev.ssokit.world;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A lab page server that puts header bytes on the wire exactly as written: Jetty (under WireMock) replaces a control
 * character in a header value with '?', so the C13 case (a Set-Cookie value holding %x01) needs a server of its own.
 * A raw TLS socket on loopback with the world's certificate, an ephemeral port, one connection at a time (each
 * answered with "Connection: close"), bounded reads; it stops with the world. Each request goes into the shared
 * journal like a WireMock one, as the Finesse host on this server's port, so the usual checks judge it.
 */
final class RawLabServer implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5_000;
    private static final int ACCEPT_POLL_MS = 500;
    private static final int MAX_HEAD_BYTES = 65_536;

    record Page(int status, List<String> headers, String body) {
    }

    /** The pages, by path. Header lines are byte strings (one char per octet), sent as ISO-8859-1. */
    private static final Map<String, Page> PAGES = Map.of(
            "/lab/c13/set", new Page(302, List.of("Location: /lab/c13/check", "Set-Cookie: c13ok=v; Path=/",
                    "Set-Cookie: c13ctl=a\u0001b; Path=/"), ""),
            "/lab/c13/check", new Page(200, List.of("Content-Type: text/html;charset=utf-8"),
                    "<!DOCTYPE html><html><head><title>c13-check</title></head><body>ok</body></html>"));

    private final SSLServerSocket socket;
    private final Map<String, Page> pages;
    private final Journal journal;
    private final VirtualClock clock;
    private final Thread acceptor;
    private volatile boolean running = true;

    private RawLabServer(SSLServerSocket socket, Map<String, Page> pages, Journal journal, VirtualClock clock) {
        this.socket = socket;
        this.pages = pages;
        this.journal = journal;
        this.clock = clock;
        this.acceptor = new Thread(this::serve, "raw-lab-server");
        this.acceptor.setDaemon(true);
    }

    static RawLabServer start(TlsMaterial tls, Journal journal, VirtualClock clock) {
        return start(tls, journal, clock, PAGES);
    }

    static RawLabServer start(TlsMaterial tls, Journal journal, VirtualClock clock, Map<String, Page> pages) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.serverKeyStore())) {
                keys.load(in, tls.storePassword().toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, tls.storePassword().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(ACCEPT_POLL_MS);
            RawLabServer server = new RawLabServer(socket, pages, journal, clock);
            server.acceptor.start();
            return server;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The raw lab server (C13) did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (running) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(READ_TIMEOUT_MS);
                answer(connection);
            } catch (SocketTimeoutException idle) {
                // poll the running flag again
            } catch (IOException | RuntimeException broken) {
                // a client that hung up or spoke no HTTP: the next connection is served as usual
            }
        }
    }

    private void answer(Socket connection) throws IOException {
        String head = readHead(connection.getInputStream());
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 2) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        Page page = pages.getOrDefault(path, new Page(404, List.of("Content-Type: text/plain"), "no such lab page"));
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (String header : page.headers()) {
            int colon = header.indexOf(':');
            responseHeaders.computeIfAbsent(header.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        String host = headers.getOrDefault("host", List.of("")).get(0).replaceFirst(":\\d+$", "");
        synchronized (journal) {
            journal.record(new Exchange(journal.nextSequence(), StubSystem.FINESSE, clock.secondsSinceStart(),
                    requestLine[0], "https", host, port(), path, query < 0 ? null : target.substring(query + 1),
                    headers, "", page.status(), responseHeaders, page.body()));
        }
        byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("HTTP/1.1 " + page.status() + (page.status() == 302 ? " Found" : " OK")
                + "\r\n");
        page.headers().forEach(header -> out.append(header).append("\r\n"));
        out.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        OutputStream stream = connection.getOutputStream();
        stream.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        stream.write(body);
        stream.flush();
    }

    /** The request line and headers, up to the blank line; header bytes decoded as UTF-8 (as Jetty does). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_HEAD_BYTES) {
                throw new IOException("the request head ended early or is too long");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket that is already gone
        }
        try {
            acceptor.join(2 * ACCEPT_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
