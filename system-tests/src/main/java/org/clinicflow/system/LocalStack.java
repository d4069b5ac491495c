package org.clinicflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the real {@code ./clinic} script: a stack of its own under its own home, on ports moved
 * by an offset, so a developer's running clinic is never touched. The system tests use
 * {@code target/clinic-smoke} at offset {@link #PORT_OFFSET}; the benchmark and the fault
 * injection runs use homes and offsets of their own.
 */
public final class LocalStack {

    /**
     * Test stacks move every port by an offset that keeps them below 32768, where Linux hands out
     * ephemeral ports for outgoing connections: a listener at, say, 40180 can find its port taken
     * by some client's socket (seen once in CI). Offsets in use: 10000 (system tests), 12000
     * (bench), 14000 (chaos); the highest port of a stack is PostgreSQL's 15432 + offset.
     */
    public static final int PORT_OFFSET = 10000;
    public static final int KEYCLOAK_PORT = 8180 + PORT_OFFSET;
    public static final Map<String, Integer> SERVICE_PORTS = servicePorts(PORT_OFFSET);
    public static final List<String> SERVICES = List.of("intake-service", "document-service", "scheduling-service",
            "notification-service", "tracking-service");

    private final Path root;
    private final Path home;
    private final int offset;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** The system tests' stack: home and root from the build's system properties. */
    public LocalStack() {
        this(Path.of(System.getProperty("clinic.root", "..")), Path.of(System.getProperty("clinic.home", "target/clinic-smoke")),
                PORT_OFFSET);
    }

    public LocalStack(Path root, Path home, int offset) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.offset = offset;
    }

    /** An environment variable for every process the stack starts from now on (e.g. a service setting). */
    public LocalStack withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Path home() {
        return home;
    }

    public int servicePort(String service) {
        return servicePorts(offset).get(service);
    }

    public int keycloakPort() {
        return 8180 + offset;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + (9092 + offset);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + (15432 + offset) + "/" + database;
    }

    /** A generated local secret (e.g. {@code postgres}, {@code webhook-signing}). */
    public String secret(String name) {
        try {
            return Files.readString(home.resolve("secrets/" + name + ".password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./clinic ARGS}; returns its exit code, its output going to {@code clinic-ARG.out}. */
    public int clinic(String... args) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(root.resolve("clinic").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(outputFile(args[0]).toFile());
        builder.environment().put("CLINIC_HOME", home.toString());
        builder.environment().put("CLINIC_PORT_OFFSET", String.valueOf(offset));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./clinic " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return process.exitValue();
    }

    /** Like {@link #clinic} but fails with the command's output when it does not exit 0. */
    public void require(String... args) throws IOException, InterruptedException {
        int exit = clinic(args);
        if (exit != 0) {
            throw new IllegalStateException("./clinic " + String.join(" ", args) + " exited " + exit + ":\n" + output(args[0]));
        }
    }

    /** What {@code ./clinic COMMAND} printed last, or an empty string. */
    public String output(String command) {
        Path file = outputFile(command);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pids the stack recorded for its processes. */
    public List<Long> recordedPids() throws IOException {
        return List.copyOf(components().values());
    }

    /** Component name to pid, for every process the stack recorded. */
    public Map<String, Long> components() throws IOException {
        Path run = home.resolve("run");
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            files.filter(f -> f.toString().endsWith(".pid")).sorted().forEach(f -> readPid(f)
                    .ifPresent(pid -> pids.put(f.getFileName().toString().replace(".pid", ""), pid)));
        }
        return pids;
    }

    private Path outputFile(String command) {
        return home.resolve("clinic-" + command + ".out");
    }

    private static Map<String, Integer> servicePorts(int offset) {
        return Map.of("intake-service", 8081 + offset, "document-service", 8082 + offset, "scheduling-service", 8083 + offset,
                "notification-service", 8084 + offset, "tracking-service", 8085 + offset);
    }

    private static OptionalLong readPid(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // removed or half-written while the stack changes
        }
    }
}
