package org.clinicflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the real {@code ./clinic} script for system tests: a stack of its own under
 * {@code target/clinic-smoke} on ports moved by {@link #PORT_OFFSET}, so a developer's running
 * clinic is never touched.
 */
final class LocalStack {

    static final int PORT_OFFSET = 20000;
    static final int KEYCLOAK_PORT = 8180 + PORT_OFFSET;
    static final Map<String, Integer> SERVICE_PORTS = Map.of("intake-service", 8081 + PORT_OFFSET, "document-service",
            8082 + PORT_OFFSET, "scheduling-service", 8083 + PORT_OFFSET, "notification-service", 8084 + PORT_OFFSET);

    private final Path root = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("clinic.home", "target/clinic-smoke")).toAbsolutePath();

    /** Runs {@code ./clinic ARGS}; returns its exit code, its output going to {@code logs/clinic-ARG.out}. */
    int clinic(String... args) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(root.resolve("clinic").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(outputFile(args[0]).toFile());
        builder.environment().put("CLINIC_HOME", home.toString());
        builder.environment().put("CLINIC_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./clinic " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return process.exitValue();
    }

    /** What {@code ./clinic COMMAND} printed, or an empty string. */
    String output(String command) {
        Path file = outputFile(command);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pids the stack recorded for its processes. */
    List<Long> recordedPids() throws IOException {
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(LocalStack::readPid).toList();
        }
    }

    private Path outputFile(String command) {
        return home.resolve("clinic-" + command + ".out");
    }

    private static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
