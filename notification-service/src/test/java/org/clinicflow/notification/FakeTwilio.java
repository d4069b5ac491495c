package org.clinicflow.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that speaks Twilio's Messages API for tests: it checks Basic auth,
 * accepts messages, and answers as Twilio does for an invalid number (400, code 21211), an
 * unsubscribed recipient (400, 21610) and a rate limit (429, 20429, once).
 */
public class FakeTwilio implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT = "ACtest00000000000000000000000000";
    public static final String TOKEN = "test-auth-token";
    public static final String INVALID = "+15005550001";
    public static final String UNSUBSCRIBED = "+15005550002";
    public static final String RATE_LIMITED_ONCE = "+15005550003";
    public static final List<Map<String, String>> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final AtomicInteger RATE_LIMITS = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", this::messages);
        server.start();
        return Map.of("quarkus.rest-client.twilio.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "clinic.notification.twilio.account-sid", ACCOUNT, "clinic.notification.twilio.auth-token", TOKEN,
                "clinic.notification.twilio.from", "+15005550006");
    }

    private void messages(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            StringBuilder list = new StringBuilder("{\"messages\":[");
            String to = query(exchange).get("To");
            List<String> items = new ArrayList<>();
            for (Map<String, String> r : REQUESTS) {
                if (r.get("To").equals(to) && r.containsKey("sid")) {
                    items.add("{\"sid\":\"" + r.get("sid") + "\",\"to\":\"" + to + "\",\"body\":" + json(r.get("Body")) + "}");
                }
            }
            respond(exchange, 200, list.append(String.join(",", items)).append("]}").toString());
            return;
        }
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        REQUESTS.add(form);
        switch (form.getOrDefault("To", "")) {
            case INVALID -> respond(exchange, 400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
            case UNSUBSCRIBED -> respond(exchange, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}");
            case RATE_LIMITED_ONCE -> {
                if (RATE_LIMITS.getAndIncrement() == 0) {
                    respond(exchange, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
                } else {
                    accept(exchange, form);
                }
            }
            default -> accept(exchange, form);
        }
    }

    private static void accept(HttpExchange exchange, Map<String, String> form) throws IOException {
        String sid = "SM" + String.format("%032d", SIDS.incrementAndGet());
        form.put("sid", sid);
        respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\",\"body\":"
                + json(form.get("Body")) + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? Map.of() : decode(query);
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> values = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
