package dev.streamlake.testing.kinesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package kinesis-local (etspaceman's kinesis-mock, a single main.js), at the version
 * pinned by the package.json and package-lock.json beside this class. The build installs it into
 * the test bed folder; a test JVM that finds it missing or stale installs it the same way, under a
 * file lock so that parallel test JVMs install it once.
 */
public final class KinesisLocal {

    private static final String MISSING_NODE =
            "The Kinesis tests run kinesis-local (kinesis-mock) on Node.js: put Node.js 18 or newer with npm "
                    + "on the PATH (Debian: apt-get install nodejs npm)";

    private static final List<String> MANIFESTS = List.of("package.json", "package-lock.json");
    private static final String PACKAGE = "kinesis-local";
    private static final long NPM_TIMEOUT_MINUTES = 5;

    private KinesisLocal() {}

    /** The build's install step: {@code KinesisLocal <test bed folder>}. */
    public static void main(String[] args) {
        try {
            mainScript(Paths.get(args[0]));
        } catch (MissingNodeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The absolute path of the server's main.js under {@code testBed}, installed there if needed. */
    static Path mainScript(Path testBed) {
        Path home = testBed.resolve(PACKAGE).toAbsolutePath();
        Path script = packageDir(home).resolve("main.js");
        try {
            Files.createDirectories(home);
            try (FileChannel lockFile = FileChannel.open(home.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Held until the channel closes: another JVM installing at the same time waits here.
                lockFile.lock();
                if (!Files.isRegularFile(script) || !manifestsCurrent(home)) {
                    install(home);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + PACKAGE + " into " + home, e);
        }
        return script;
    }

    /** Fails with one clear message when {@code node} cannot be run. */
    static void requireNode() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (node.waitFor() != 0) {
                throw new MissingNodeException(MISSING_NODE + " ('node --version' failed)", null);
            }
        } catch (IOException e) {
            throw new MissingNodeException(MISSING_NODE + " (node: " + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking for node", e);
        }
    }

    /** The unpacked package: main.js and the server.json certificate it needs even over plain HTTP. */
    private static Path packageDir(Path home) {
        return home.resolve("node_modules").resolve(PACKAGE);
    }

    private static boolean manifestsCurrent(Path home) throws IOException {
        for (String manifest : MANIFESTS) {
            Path installed = home.resolve(manifest);
            if (!Files.isRegularFile(installed) || !Arrays.equals(Files.readAllBytes(installed), pinned(manifest))) {
                return false;
            }
        }
        return true;
    }

    private static void install(Path home) throws IOException {
        for (String manifest : MANIFESTS) {
            Files.write(home.resolve(manifest), pinned(manifest));
        }
        Path log = home.resolve("npm-install.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new MissingNodeException(MISSING_NODE + " (npm: " + e.getMessage() + ")", e);
        }
        try {
            if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + NPM_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("Interrupted while installing " + PACKAGE, e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed with code " + npm.exitValue() + " in " + home + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static byte[] pinned(String manifest) throws IOException {
        try (InputStream in = KinesisLocal.class.getResourceAsStream(manifest)) {
            if (in == null) {
                throw new IllegalStateException(manifest + " is missing beside " + KinesisLocal.class.getName());
            }
            return in.readAllBytes();
        }
    }

    /** Node.js or npm is not on the PATH. */
    static final class MissingNodeException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingNodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
