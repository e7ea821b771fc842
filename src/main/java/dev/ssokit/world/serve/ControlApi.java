package dev.ssokit.world.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ssokit.world.JournalJson;
import dev.ssokit.world.WorldDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * serve's control API: its own port on 127.0.0.1 (never a stub port), every request behind
 * {@code Authorization: Bearer <token>}. Routes (JSON in and out):
 * <pre>
 * GET    /world                          world.json of the default session
 * GET    /sessions                       the open sessions
 * POST   /sessions                       open a session on fresh ports; answers its world.json (201)
 * GET    /sessions/{id}                  that session's world.json
 * DELETE /sessions/{id}                  end it (its servers stop); the default session cannot end
 * POST   /sessions/{id}/reset            empty journal, no server-side state, knobs back to serve's baseline
 * GET    /sessions/{id}/settings         the knobs;  POST with a JSON object sets some of them
 * POST   /sessions/{id}/variant/{name}   reset, then a named variant (GET /variants lists them)
 * GET    /sessions/{id}/journal          the journal, redacted;  ?raw=true unmasked (for ./kit verify)
 * </pre>
 */
public final class ControlApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 65_536;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Sessions sessions;
    private final byte[] token;
    private final Function<ServeSession, WorldDescription> describer;
    private final JournalJson.Masks masks;

    public ControlApi(int port, String token, Sessions sessions, Function<ServeSession, WorldDescription> describer,
                      JournalJson.Masks masks) throws IOException {
        this.sessions = sessions;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.describer = describer;
        this.masks = masks;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "kit-control");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (!authorised(http)) {
                http.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"kit-control\"");
                send(http, 401, error("send Authorization: Bearer <token> (printed by ./kit serve, in world.json and "
                        + "in the control-token file of --state)"));
                return;
            }
            Reply reply;
            try {
                reply = route(http.getRequestMethod(), http.getRequestURI().getPath(),
                        Optional.ofNullable(http.getRequestURI().getRawQuery()).orElse(""), body(http));
            } catch (IllegalArgumentException | IllegalStateException e) {
                reply = new Reply(400, error(e.getMessage()));
            }
            send(http, reply.status(), reply.json());
        }
    }

    private record Reply(int status, String json) {
    }

    private Reply route(String method, String path, String query, String body) throws IOException {
        String[] parts = path.replaceAll("/+$", "").split("/");
        if (path.equals("/world") && method.equals("GET")) {
            return ok(describer.apply(sessions.defaultSession()).toJson());
        }
        if (path.equals("/variants") && method.equals("GET")) {
            return ok(JSON.writeValueAsString(new java.util.TreeMap<>(SettingsKnobs.VARIANTS)));
        }
        if (path.replaceAll("/+$", "").equals("/sessions")) {
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                for (ServeSession session : sessions.all()) {
                    ObjectNode node = list.addObject();
                    node.put("id", session.id());
                    node.put("finesse", session.world().finesseBaseUri().toString());
                    node.put("exchanges", session.world().journal().all().size());
                    node.put("started", session.started().toString());
                }
                return ok(JSON.writeValueAsString(list));
            }
            if (method.equals("POST")) {
                return new Reply(201, describer.apply(sessions.open()).toJson());
            }
        }
        if (parts.length >= 3 && parts[1].equals("sessions")) {
            String id = parts[2];
            ServeSession session = sessions.find(id).orElse(null);
            if (session == null) {
                return new Reply(404, error("No session '" + id + "'; GET /sessions lists them"));
            }
            String action = parts.length > 3 ? parts[3] : "";
            switch (action + " " + method) {
                case " GET":
                    return ok(describer.apply(session).toJson());
                case " DELETE":
                    sessions.end(id);
                    return ok("{\"ended\":\"" + id + "\"}");
                case "reset POST":
                    session.reset();
                    return ok("{\"reset\":\"" + id + "\"}");
                case "settings GET":
                    return ok(SettingsKnobs.read(session.world().settings()).toString());
                case "settings POST":
                    SettingsKnobs.apply(session.world().settings(), body);
                    return ok(SettingsKnobs.read(session.world().settings()).toString());
                case "variant POST":
                    String name = parts.length > 4 ? parts[4] : "";
                    String knobs = SettingsKnobs.VARIANTS.get(name);
                    if (knobs == null) {
                        return new Reply(404, error("No variant '" + name + "'; known: "
                                + new java.util.TreeSet<>(SettingsKnobs.VARIANTS.keySet())));
                    }
                    session.reset();
                    SettingsKnobs.apply(session.world().settings(), knobs);
                    return ok(SettingsKnobs.read(session.world().settings()).toString());
                case "journal GET":
                    boolean raw = query.contains("raw=true");
                    return ok(JournalJson.write(id, session.world().journal().all(), session.world().journal().dropped(),
                            raw ? JournalJson.Masks.none() : masks, !raw));
                default:
                    break;
            }
        }
        return new Reply(404, error(method + " " + path + " is not a control route; see the README's Partner mode"));
    }

    private static Reply ok(String json) {
        return new Reply(200, json);
    }

    private boolean authorised(HttpExchange http) {
        String header = http.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpExchange http) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("Request body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", message);
        return node.toString();
    }

    private static void send(HttpExchange http, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
