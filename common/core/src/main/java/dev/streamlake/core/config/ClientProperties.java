package dev.streamlake.core.config;

import java.util.Map;
import java.util.Properties;

/**
 * Pass-through client properties with a guard: properties this project sets itself from its own
 * keys, or fixes for correctness, cannot be overridden through the pass-through prefix.
 */
public final class ClientProperties {

    private ClientProperties() {}

    /**
     * The properties under the prefix, prefix removed.
     *
     * @param reserved client property name to the reason it cannot be passed through, e.g. {@code
     *     "bootstrap.servers" -> "set it with kafka.bootstrap.servers"}
     * @throws InvalidConfigurationException naming the first pass-through key for a reserved property
     */
    public static Properties from(JobConfig config, PassThroughPrefix prefix, Map<String, String> reserved) {
        Properties properties = config.passThrough(prefix);
        for (Map.Entry<String, String> entry : reserved.entrySet()) {
            if (properties.containsKey(entry.getKey())) {
                throw new InvalidConfigurationException(
                        "Configuration key '"
                                + prefix.prefix()
                                + entry.getKey()
                                + "' is not allowed: "
                                + entry.getValue()
                                + ".");
            }
        }
        return properties;
    }
}
