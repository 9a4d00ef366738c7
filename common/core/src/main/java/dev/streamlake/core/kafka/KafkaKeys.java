package dev.streamlake.core.kafka;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.PassThroughPrefix;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Keys of the Kafka source and sink; client settings such as SASL or SSL go through {@link #PROPERTIES}. */
public final class KafkaKeys {

    public static final ConfigKey<String> BOOTSTRAP_SERVERS =
            ConfigKey.of("kafka.bootstrap.servers", ValueType.string())
                    .withDescription("Kafka brokers to connect to first, host:port[,host:port...].");

    public static final ConfigKey<List<String>> SOURCE_TOPICS =
            ConfigKey.of("kafka.topics", ValueType.list())
                    .withDescription("Topics the source reads, comma-separated.");

    public static final ConfigKey<String> SOURCE_GROUP_ID =
            ConfigKey.of("kafka.group-id", ValueType.string())
                    .withDescription(
                            "Consumer group of the source; offsets are committed to it on each checkpoint"
                                    + " (for monitoring and committed-or-earliest; the job itself restores"
                                    + " from its checkpoints).");

    public static final ConfigKey<StartingOffsets> SOURCE_STARTING_OFFSETS =
            ConfigKey.of("kafka.starting-offsets", ValueType.enumOf(StartingOffsets.class))
                    .withDefault(StartingOffsets.COMMITTED_OR_EARLIEST)
                    .withDescription(
                            "Where the source starts without a checkpoint: earliest, latest, the group's"
                                    + " committed offsets (else earliest), or kafka.starting-timestamp.");

    public static final ConfigKey<Instant> SOURCE_STARTING_TIMESTAMP =
            ConfigKey.of("kafka.starting-timestamp", ValueType.instant())
                    .withDescription("Start time when kafka.starting-offsets is timestamp.");

    public static final ConfigKey<StoppingOffsets> SOURCE_STOPPING_OFFSETS =
            ConfigKey.of("kafka.stopping-offsets", ValueType.enumOf(StoppingOffsets.class))
                    .withDefault(StoppingOffsets.NONE)
                    .withDescription(
                            "Where the source stops: none (it never does), latest (the end of each partition"
                                    + " when the job first starts) or kafka.stopping-timestamp. A bounded"
                                    + " job fires every open window when its input ends, commits and finishes.");

    public static final ConfigKey<Instant> SOURCE_STOPPING_TIMESTAMP =
            ConfigKey.of("kafka.stopping-timestamp", ValueType.instant())
                    .withDescription(
                            "Stop time when kafka.stopping-offsets is timestamp: records written"
                                    + " (Kafka record time) at or after it are not read.");

    public static final ConfigKey<String> SINK_TOPIC =
            ConfigKey.of("kafka.topic", ValueType.string()).withDescription("Topic the output writes to.");

    public static final ConfigKey<String> SINK_TRANSACTIONAL_ID_PREFIX =
            ConfigKey.of("kafka.transactional-id-prefix", ValueType.string())
                    .withDescription(
                            "Prefix of the output's Kafka transactional ids (exactly-once); by default the"
                                    + " job's and the output's names. Unique per job and output on a Kafka"
                                    + " cluster, and stable across restarts so lingering transactions are aborted.");

    public static final ConfigKey<Duration> SINK_TRANSACTION_TIMEOUT =
            ConfigKey.of("kafka.transaction-timeout", ValueType.duration())
                    .withDefault(Duration.ofMinutes(15))
                    .withRule(d -> d.toMillis() >= 1000 && d.toMillis() <= Integer.MAX_VALUE, "between 1s and 24d")
                    .withDescription(
                            "Producer transaction.timeout.ms. Must exceed the longest checkpoint plus"
                                    + " restart time, and must not exceed the brokers'"
                                    + " transaction.max.timeout.ms (15 min by default), or the producer fails.");

    public static final PassThroughPrefix PROPERTIES =
            PassThroughPrefix.of(
                    "kafka.properties.",
                    "Kafka client properties passed to the source's consumer and the sink's producer,"
                            + " e.g. kafka.properties.security.protocol=SASL_SSL,"
                            + " kafka.properties.sasl.mechanism, kafka.properties.sasl.jaas.config,"
                            + " kafka.properties.ssl.truststore.location.");

    /** Keys every Kafka input and output shares: the brokers, the client properties, the transaction timeout. */
    public static final ConfigSchema CLIENT =
            ConfigSchema.builder()
                    .add(BOOTSTRAP_SERVERS, SINK_TRANSACTION_TIMEOUT)
                    .passThrough(PROPERTIES)
                    .build();

    /** Keys of one Kafka input, declared under the input's name. */
    public static final ConfigSchema SOURCE =
            ConfigSchema.builder()
                    .add(
                            SOURCE_TOPICS,
                            SOURCE_GROUP_ID,
                            SOURCE_STARTING_OFFSETS,
                            SOURCE_STARTING_TIMESTAMP,
                            SOURCE_STOPPING_OFFSETS,
                            SOURCE_STOPPING_TIMESTAMP)
                    .build();

    /** Keys of one Kafka output, declared under the output's name. */
    public static final ConfigSchema SINK =
            ConfigSchema.builder().add(SINK_TOPIC, SINK_TRANSACTIONAL_ID_PREFIX).build();

    private KafkaKeys() {}
}
