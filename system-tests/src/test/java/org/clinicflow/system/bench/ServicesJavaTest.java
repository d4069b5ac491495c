package org.clinicflow.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report names the services' Java only when the stack ran them on another JDK than the bench's. */
class ServicesJavaTest {

    @TempDir
    Path dir;

    @Test
    void namesTheVersionFromTheOtherJdksReleaseFile() throws Exception {
        Path java = jdk("temurin-25", "JAVA_VERSION=\"25.0.1\"\nIMPLEMENTOR=\"Eclipse Adoptium\"\n");
        assertEquals(Optional.of("25.0.1"), ServicesJava.otherThanOwn(java.toString(), "17.0.15"));
    }

    @Test
    void saysNothingWhenTheServicesRanOnTheBenchsJava() throws Exception {
        assertEquals(Optional.empty(), ServicesJava.otherThanOwn(null, "17.0.15"));
        assertEquals(Optional.empty(), ServicesJava.otherThanOwn("java", "17.0.15"));
        Path same = jdk("openjdk-17", "JAVA_VERSION=\"17.0.15\"\n");
        assertEquals(Optional.empty(), ServicesJava.otherThanOwn(same.toString(), "17.0.15"));
    }

    @Test
    void namesThePathWhenItIsNoJdk() {
        String missing = dir.resolve("nowhere/bin/java").toString();
        assertEquals(Optional.of(missing), ServicesJava.otherThanOwn(missing, "17.0.15"));
    }

    private Path jdk(String name, String release) throws Exception {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Files.writeString(dir.resolve(name).resolve("release"), release);
        return Files.writeString(bin.resolve("java"), "");
    }
}
