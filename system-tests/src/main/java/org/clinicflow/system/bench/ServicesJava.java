package org.clinicflow.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which Java the services ran on, for the report's machine line: the stack starts them with
 * {@code CLINIC_SERVICE_JAVA} when it is set (another JDK's {@code java}, for a measurement) and
 * otherwise with the {@code java} on the PATH, the one the bench itself runs on. The version comes
 * from that JDK's {@code release} file, as the JDK wrote it. Tested by {@code ServicesJavaTest}
 * with JDK folders it lays out itself.
 */
final class ServicesJava {

    private ServicesJava() {
    }

    /** The services' Java version when it is not the bench's own, read from the JDK that {@code serviceJava} names. */
    static Optional<String> otherThanOwn(String serviceJava, String ownVersion) {
        if (serviceJava == null || serviceJava.isBlank() || serviceJava.equals("java")) {
            return Optional.empty();
        }
        String version = releaseVersion(Path.of(serviceJava)).orElse(serviceJava);
        return version.equals(ownVersion) ? Optional.empty() : Optional.of(version);
    }

    private static Optional<String> releaseVersion(Path java) {
        try {
            Path release = java.toRealPath().resolveSibling("../release").normalize();
            if (!Files.isReadable(release)) {
                return Optional.empty();
            }
            return Files.readAllLines(release).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .findFirst();
        } catch (IOException e) {
            // No such binary: the report names the path as given.
            return Optional.empty();
        }
    }
}
