package dev.streamlake.core.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolves a job's configuration from its layers, lowest precedence first:
 *
 * <ol>
 *   <li>the defaults declared on the keys;
 *   <li>the properties file named by {@code --config <path>} (Java properties syntax);
 *   <li>Managed Service for Apache Flink property groups: key {@code bootstrap.servers} of group
 *       {@code kafka} is the key {@code kafka.bootstrap.servers};
 *   <li>the other {@code --key value} program arguments.
 * </ol>
 *
 * <p>Unknown keys, values of the wrong form and missing required keys fail with one {@link
 * InvalidConfigurationException} listing every problem. The resolved configuration is logged
 * with the origin of each value, secrets masked.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final ConfigSchema schema;
    private final ApplicationPropertiesSource applicationProperties;

    private ConfigLoader(ConfigSchema schema, ApplicationPropertiesSource applicationProperties) {
        this.schema = schema;
        this.applicationProperties = applicationProperties;
    }

    /** A loader that reads the MSF property groups of the service, when there are any. */
    public static ConfigLoader forSchema(ConfigSchema schema) {
        return new ConfigLoader(schema, ApplicationPropertiesSource.msfRuntime());
    }

    /** The same loader reading property groups from elsewhere, e.g. a test's JSON file. */
    public ConfigLoader withApplicationProperties(ApplicationPropertiesSource source) {
        return new ConfigLoader(schema, source);
    }

    public JobConfig load(String... args) {
        return load(ProgramArguments.parse(args));
    }

    public JobConfig load(ProgramArguments arguments) {
        ConfigResolver resolver = new ConfigResolver(schema);
        arguments.configFile().ifPresent(path -> readFile(path).forEach(
                (name, value) -> resolver.put(name, value, ValueOrigin.file(path))));
        readApplicationProperties().forEach(
                (groupId, group) -> group.stringPropertyNames().stream().sorted().forEach(
                        name -> resolver.put(
                                groupId + "." + name, group.getProperty(name), ValueOrigin.msfGroup(groupId))));
        arguments.values().forEach((name, value) -> resolver.put(name, value, ValueOrigin.argument()));
        JobConfig config = resolver.resolve();
        LOG.info("{}", config.describe());
        return config;
    }

    private static Map<String, String> readFile(String path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "The configuration file '" + path + "' given with --config cannot be read: " + e, e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        LOG.info("Read {} configuration values from {}", values.size(), path);
        return values;
    }

    private Map<String, Properties> readApplicationProperties() {
        try {
            Map<String, Properties> groups = new TreeMap<>(applicationProperties.load());
            if (!groups.isEmpty()) {
                LOG.info("Read MSF property groups {}", groups.keySet());
            }
            return groups;
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(
                    "The Managed Service for Apache Flink application properties cannot be read: " + e, e);
        }
    }
}
