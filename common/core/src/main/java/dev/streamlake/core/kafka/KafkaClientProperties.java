package dev.streamlake.core.kafka;

import dev.streamlake.core.config.ClientProperties;
import dev.streamlake.core.config.JobConfig;

import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The pass-through Kafka client properties, guarded against overriding what the keys set. */
public final class KafkaClientProperties {

    private KafkaClientProperties() {}

    /**
     * @param reserved client properties the consumer or producer sets itself, each with the
     *     reason it cannot be passed through; the brokers are always reserved
     */
    /** The brokers and the pass-through client properties: what any Kafka client of the job connects with. */
    public static Properties connection(JobConfig config) {
        Properties properties = from(config, Map.of());
        properties.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(KafkaKeys.BOOTSTRAP_SERVERS));
        return properties;
    }

    static Properties from(JobConfig config, Map<String, String> reserved) {
        Map<String, String> all = new HashMap<>(reserved);
        all.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "set it with " + KafkaKeys.BOOTSTRAP_SERVERS.name());
        return ClientProperties.from(config, KafkaKeys.PROPERTIES, all);
    }
}
