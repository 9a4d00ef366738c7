package dev.streamlake.deploy;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.contrib.streaming.state.RocksDBConfigurableOptions;
import org.apache.flink.contrib.streaming.state.RocksDBOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The configuration options of the Flink on the classpath (the version the job is built for), so
 * a configuration file can be checked for misspelt keys and values Flink would reject. The
 * catalogue holds every option declared by the {@code *Options} classes of {@code
 * org.apache.flink.configuration}, and by those of the RocksDB state backend (the jobs set some of
 * them, e.g. its bloom filters), under its key and each deprecated or fallback key.
 *
 * <p>Families of keys whose options live outside flink-core are accepted by prefix: the
 * Kubernetes deployment and operator ({@code kubernetes.}), per-reporter metric settings ({@code
 * metrics.reporter.<name>.}) and the S3 file-system plugins ({@code s3.}, {@code fs.s3a.}).
 */
final class FlinkOptions {

    private static final String OPTIONS_PACKAGE = "org/apache/flink/configuration/";
    private static final List<String> EXTERNAL_FAMILIES =
            List.of("kubernetes.", "metrics.reporter.", "s3.", "fs.s3a.");
    /** Option classes outside flink-core's configuration package. */
    private static final List<Class<?>> STATE_BACKEND_OPTIONS =
            List.of(RocksDBOptions.class, RocksDBConfigurableOptions.class);
    private static final Map<String, ConfigOption<?>> BY_KEY = catalogue();

    private FlinkOptions() {}

    static Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * What is wrong with a configuration, one line per problem: keys Flink does not know and values
     * its options do not accept. Empty when all is well.
     */
    static List<String> problems(Map<String, String> settings) {
        Configuration configuration = Configuration.fromMap(settings);
        List<String> problems = new ArrayList<>();
        settings.keySet().stream().sorted().forEach(key -> {
            Optional<ConfigOption<?>> option = find(key);
            if (option.isPresent()) {
                try {
                    configuration.get(option.get());
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": value '" + settings.get(key) + "' rejected: " + e.getMessage());
                }
            } else if (EXTERNAL_FAMILIES.stream().noneMatch(key::startsWith)) {
                problems.add(key + ": not a Flink option");
            }
        });
        return problems;
    }

    private static Map<String, ConfigOption<?>> catalogue() {
        Map<String, ConfigOption<?>> byKey = new HashMap<>();
        List<Class<?>> classes = new ArrayList<>(STATE_BACKEND_OPTIONS);
        optionClasses().forEach(className -> classes.add(load(className)));
        for (Class<?> options : classes) {
            for (Field field : options.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                    ConfigOption<?> option = (ConfigOption<?>) read(field);
                    byKey.put(option.key(), option);
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        byKey.putIfAbsent(fallback.getKey(), option);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    private static List<String> optionClasses() {
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(jarOf(Configuration.class).toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(OPTIONS_PACKAGE)
                        && name.endsWith("Options.class")
                        && name.indexOf('/', OPTIONS_PACKAGE.length()) < 0
                        && name.indexOf('$') < 0) {
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
