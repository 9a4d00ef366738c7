package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;

import java.util.HashMap;
import java.util.Map;

/** Job configurations from key-value pairs, for tests. */
public final class TestConfigs {

    private TestConfigs() {}

    public static JobConfig of(ConfigSchema schema, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return JobConfig.of(schema, values);
    }
}
