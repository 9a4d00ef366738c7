package dev.streamlake.core.config;

/**
 * The list of a job's keys with type, default and meaning: as plain text for {@code --help}
 * and as a Markdown table for the README.
 */
public final class ConfigReference {

    private ConfigReference() {}

    /** Plain text, one block per key. */
    public static String text(ConfigSchema schema) {
        StringBuilder text = new StringBuilder();
        text.append("Configuration keys (lowest to highest precedence: defaults, the file named by")
                .append(" --config <path>, MSF property groups, --key value arguments):\n");
        for (ConfigKey<?> key : schema.keys()) {
            text.append("\n  ").append(key.name()).append("\n      ").append(key.description())
                    .append("\n      allowed: ").append(key.allowedValues())
                    .append("\n      default: ").append(defaultText(key)).append('\n');
        }
        for (PassThroughPrefix prefix : schema.passThroughPrefixes()) {
            text.append("\n  ").append(prefix).append("\n      ").append(prefix.description()).append('\n');
        }
        return text.toString();
    }

    /** A Markdown table: key, default, allowed values, meaning. */
    public static String markdown(ConfigSchema schema) {
        StringBuilder table = new StringBuilder("| key | default | allowed | meaning |\n|---|---|---|---|\n");
        for (ConfigKey<?> key : schema.keys()) {
            table.append("| `").append(key.name()).append("` | ").append(cell(defaultText(key))).append(" | ")
                    .append(cell(key.allowedValues())).append(" | ").append(cell(key.description())).append(" |\n");
        }
        for (PassThroughPrefix prefix : schema.passThroughPrefixes()) {
            table.append("| `").append(prefix).append("` |  |  | ").append(cell(prefix.description())).append(" |\n");
        }
        return table.toString();
    }

    private static <T> String defaultText(ConfigKey<T> key) {
        if (key.defaultValue().isPresent()) {
            return key.display(key.defaultValue().get());
        }
        return key.isRequired() ? "(required)" : "(none)";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
