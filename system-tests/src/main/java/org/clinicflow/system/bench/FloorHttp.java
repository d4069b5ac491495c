package org.clinicflow.system.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor's REST side: the three calls a clinic makes per applicant, each after a token check
 * ({@link TokenCheck}), each one database transaction. {@code POST /register} stores the person
 * and publishes registered, eligibility and contact events (intake's database); {@code GET
 * /checklist/{id}} reads the checklist; {@code PUT /documents/{id}} marks it ready and publishes
 * a verified event per document and a ready event (document's database). Used by {@link Floor}.
 */
final class FloorHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final TokenCheck tokens;
    private final FloorService intake;
    private final FloorService document;
    private final FloorShape shape;
    private final String run;
    private final ThreadLocal<Connection> intakeDb = new ThreadLocal<>();
    private final ThreadLocal<Connection> documentDb = new ThreadLocal<>();
    private final java.util.Queue<Connection> opened = new java.util.concurrent.ConcurrentLinkedQueue<>();

    FloorHttp(TokenCheck tokens, FloorService intake, FloorService document, FloorShape shape, String run) throws IOException {
        this.tokens = tokens;
        this.intake = intake;
        this.document = document;
        this.shape = shape;
        this.run = run;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(workers);
        server.createContext("/register", exchange -> handle(exchange, this::register));
        server.createContext("/checklist/", exchange -> handle(exchange, this::checklist));
        server.createContext("/documents/", exchange -> handle(exchange, this::documents));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @FunctionalInterface
    private interface Handler {
        String apply(HttpExchange exchange) throws SQLException, IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!tokens.valid(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String body;
            try {
                body = handler.apply(exchange);
            } catch (SQLException e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String register(HttpExchange exchange) throws SQLException {
        UUID id = UUID.randomUUID();
        Connection c = connection(intakeDb, intake);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO subject (id) VALUES (?)")) {
            insert.setObject(1, id);
            insert.executeUpdate();
            FloorService.publish(c, id, List.of("registered", "eligibility", "contact"), run);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        return "{\"id\":\"" + id + "\"}";
    }

    private String checklist(HttpExchange exchange) throws SQLException {
        UUID id = UUID.fromString(exchange.getRequestURI().getPath().substring("/checklist/".length()));
        Connection c = connection(documentDb, document);
        try (PreparedStatement select = c.prepareStatement("SELECT ready FROM subject WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                String answer = rs.next() ? "{\"ready\":" + rs.getBoolean(1) + "}" : null;
                c.commit();
                return answer;
            }
        }
    }

    private String documents(HttpExchange exchange) throws SQLException {
        UUID id = UUID.fromString(exchange.getRequestURI().getPath().substring("/documents/".length()));
        Connection c = connection(documentDb, document);
        try (PreparedStatement update = c.prepareStatement("UPDATE subject SET ready = true WHERE id = ?")) {
            update.setObject(1, id);
            if (update.executeUpdate() == 0) {
                c.rollback();
                return null;
            }
            List<String> events = new java.util.ArrayList<>();
            for (int i = 0; i < Floor.count(shape.verified(), id); i++) {
                events.add("verified");
            }
            events.add("ready");
            FloorService.publish(c, id, events, run);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        return "{\"ready\":true}";
    }

    private Connection connection(ThreadLocal<Connection> local, FloorService service) throws SQLException {
        Connection c = local.get();
        if (c == null) {
            c = service.connect();
            c.setAutoCommit(false);
            local.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end of the floor: nothing left to lose
            }
        }
    }
}
