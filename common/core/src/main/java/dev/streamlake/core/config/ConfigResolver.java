package dev.streamlake.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects raw values layer by layer, lowest precedence first, and turns them into a {@link
 * JobConfig}. Every problem is gathered so one start-up error lists them all.
 */
final class ConfigResolver {

    private final ConfigSchema schema;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> passThrough = new LinkedHashMap<>();
    private final Map<String, ValueOrigin> origins = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean unknownKeySeen;

    ConfigResolver(ConfigSchema schema) {
        this.schema = schema;
    }

    /** Sets one raw value; a later call for the same key wins. */
    void put(String name, String raw, ValueOrigin origin) {
        Optional<ConfigKey<?>> key = schema.key(name);
        if (key.isPresent()) {
            putKey(key.get(), raw, origin);
        } else if (schema.passThroughPrefixOf(name).isPresent()) {
            passThrough.put(name, raw);
            origins.put(name, origin);
        } else {
            unknownKeySeen = true;
            String suggestion =
                    KeySuggestion.closest(name, schema).map(s -> " Did you mean '" + s + "'?").orElse("");
            problems.add("Unknown configuration key '" + name + "' (from " + origin + ")." + suggestion);
        }
    }

    private void putKey(ConfigKey<?> key, String raw, ValueOrigin origin) {
        try {
            values.put(key.name(), key.parse(raw));
            origins.put(key.name(), origin);
        } catch (IllegalArgumentException e) {
            String shown = key.isSecret() ? SecretRedaction.MASK : "'" + raw + "'";
            problems.add(
                    "Invalid value "
                            + shown
                            + " for configuration key '"
                            + key.name()
                            + "' (from "
                            + origin
                            + "): "
                            + e.getMessage()
                            + ". Allowed: "
                            + key.allowedValues()
                            + ".");
        }
    }

    JobConfig resolve() {
        for (ConfigKey<?> key : schema.keys()) {
            if (key.isRequired() && !values.containsKey(key.name()) && key.defaultValue().isEmpty()) {
                problems.add(JobConfig.missingKeyMessage(key));
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("The job configuration is not valid:");
            problems.forEach(problem -> message.append("\n  - ").append(problem));
            if (unknownKeySeen) {
                message.append("\n").append(allowedKeys());
            }
            throw new InvalidConfigurationException(message.toString());
        }
        return new JobConfig(schema, values, passThrough, origins);
    }

    private String allowedKeys() {
        String keys = schema.keys().stream().map(ConfigKey::name).collect(Collectors.joining(", "));
        String prefixes =
                schema.passThroughPrefixes().stream().map(PassThroughPrefix::toString).collect(Collectors.joining(", "));
        return "Allowed keys: " + keys + (prefixes.isEmpty() ? "" : "\nAllowed pass-through keys: " + prefixes);
    }
}
