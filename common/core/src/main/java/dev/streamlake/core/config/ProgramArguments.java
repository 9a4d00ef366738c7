package dev.streamlake.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The program arguments: {@code --key value} (or {@code --key=value}) pairs, plus two reserved
 * names: {@code --config <path>} names a properties file, and {@code --help} asks for the list
 * of keys instead of a run.
 */
public final class ProgramArguments {

    /** Names the properties file read below the MSF groups and the other arguments. */
    public static final String CONFIG_FILE = "config";

    /** Asks for the key reference instead of running the job. */
    public static final String HELP = "help";

    private final Map<String, String> values;
    private final String configFile;
    private final boolean helpRequested;

    private ProgramArguments(Map<String, String> values, String configFile, boolean helpRequested) {
        this.values = Collections.unmodifiableMap(values);
        this.configFile = configFile;
        this.helpRequested = helpRequested;
    }

    /**
     * Parses the arguments.
     *
     * @throws InvalidConfigurationException for a token that is not {@code --key}, or a key
     *     without a value
     */
    public static ProgramArguments parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        String configFile = null;
        boolean help = false;
        int i = 0;
        while (i < args.length) {
            String token = args[i];
            if (!token.startsWith("--") || token.length() == 2) {
                throw new InvalidConfigurationException(
                        "Unexpected program argument '" + token + "': arguments are --key value pairs.");
            }
            String name = token.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
                i++;
            } else if (name.equals(HELP)) {
                help = true;
                i++;
                continue;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[i + 1];
                i += 2;
            } else {
                throw new InvalidConfigurationException(
                        "Program argument '--" + name + "' has no value: write --" + name + " <value>.");
            }
            if (name.equals(CONFIG_FILE)) {
                configFile = value;
            } else {
                values.put(name, value);
            }
        }
        return new ProgramArguments(values, configFile, help);
    }

    /** The {@code --key value} pairs, without {@code --config} and {@code --help}, in order. */
    public Map<String, String> values() {
        return values;
    }

    /** The path given with {@code --config}, if any. */
    public Optional<String> configFile() {
        return Optional.ofNullable(configFile);
    }

    public boolean isHelpRequested() {
        return helpRequested;
    }
}
