package dev.streamlake.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The folder where the build puts the servers that run as child processes (the S3Mock jar, the
 * kinesis-local npm package). Every module's test JVM must find the same folder, so it is not
 * relative to the module: the root pom passes it as {@value #PROPERTY}; without that (a test run
 * from an IDE) it is found from the repository root above the working directory.
 */
public final class TestBedDirectory {

    public static final String PROPERTY = "streamlake.testbed.dir";

    private static final Path BELOW_REPOSITORY_ROOT = Paths.get("common", "testing", "target", "testbed");

    private TestBedDirectory() {}

    public static Path get() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir.resolve(BELOW_REPOSITORY_ROOT);
            }
        }
        throw new IllegalStateException(
                "Cannot find the test bed folder: set -D" + PROPERTY
                        + " or run the tests from inside the repository (no .mvn folder above " + start + ")");
    }
}
