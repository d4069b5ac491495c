package org.clinicflow.tracking;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the test's service a free port chosen before it starts, and points the USCIS client at
 * the stand-in the service itself serves on that port (a port chosen by the server at start
 * could not be named in the client's URL).
 */
public class StandInPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.http.test-port", String.valueOf(port),
                "quarkus.rest-client.uscis.url", "http://127.0.0.1:" + port + "/dev/uscis");
    }

    @Override
    public void stop() {
    }
}
