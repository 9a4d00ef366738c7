package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.ValidatedFormat;
import dev.streamlake.serde.avro.ConfluentAvroFormat;
import dev.streamlake.serde.avro.SchemaRegistrySettings;
import dev.streamlake.serde.json.JsonFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The sensor window statistics job's settings, typed and checked, read from its {@link JobConfig}. */
public final class SensorStatsConfig {

    /** Where the local run keeps its tables when no table URI is configured. */
    static final Path LOCAL_TABLES = Path.of("local-run", "tables");

    private final JobConfig config;
    private final boolean local;

    private SensorStatsConfig(JobConfig config) {
        this.config = config;
        this.local = config.get(LocalRunKeys.EMBEDDED);
    }

    /** Reads and checks the job's settings; a bad combination fails here, naming the key. */
    public static SensorStatsConfig from(JobConfig config) {
        SensorStatsConfig settings = new SensorStatsConfig(config);
        settings.windows();
        settings.readingFormat();
        settings.statsTable();
        settings.deadLetterTable();
        settings.tooLateTable();
        return settings;
    }

    public JobConfig jobConfig() {
        return config;
    }

    public boolean isLocal() {
        return local;
    }

    public WindowSpec windows() {
        Duration size = config.get(SensorStatsKeys.WINDOW_SIZE);
        Duration lateness = config.get(SensorStatsKeys.ALLOWED_LATENESS);
        if (!config.isSet(SensorStatsKeys.WINDOW_SLIDE)) {
            return WindowSpec.tumbling(size, lateness);
        }
        Duration slide = config.get(SensorStatsKeys.WINDOW_SLIDE);
        if (slide.compareTo(size) > 0) {
            throw new InvalidConfigurationException(
                    "Configuration key '" + SensorStatsKeys.WINDOW_SLIDE.name() + "' (" + slide
                            + ") must not be longer than '" + SensorStatsKeys.WINDOW_SIZE.name() + "' (" + size + ").");
        }
        return WindowSpec.hopping(size, slide, lateness);
    }

    /** How many sensors' state the window step holds in memory between checkpoints. */
    public int heldSensors() {
        return config.get(SensorStatsKeys.HELD_SENSORS);
    }

    /** The wire format of the readings, with the cleansing rules applied while decoding. */
    public EventFormat<SensorReading> readingFormat() {
        return new ValidatedFormat<>(wireFormat(), new SensorReadingRules(config.get(SensorStatsKeys.MAX_CLOCK_SKEW)));
    }

    private EventFormat<SensorReading> wireFormat() {
        switch (config.get(SensorStatsKeys.INPUT_FORMAT)) {
            case CONFLUENT_AVRO:
                String url =
                        config.getRequiredBecauseOf(SensorStatsKeys.SCHEMA_REGISTRY_URL, SensorStatsKeys.INPUT_FORMAT);
                return new ConfluentAvroFormat<>(
                        SensorReading.class, new SchemaRegistrySettings(url), registrySubject());
            case JSON:
            default:
                return new JsonFormat<>(SensorReading.class);
        }
    }

    /** Confluent's default subject naming: the topic's name plus {@code -value}. */
    private String registrySubject() {
        List<String> topics = config.getOptional(KafkaKeys.SOURCE_TOPICS).orElse(List.of("sensor-readings"));
        return topics.get(0) + "-value";
    }

    public DeltaSinkSettings statsTable() {
        return table(SensorStatsKeys.STATS_TABLE, "sensor_window_stats")
                .partitionColumns(PartitionColumn.dateOf("window_date", "window_start"))
                .build();
    }

    public DeltaSinkSettings deadLetterTable() {
        return table(SensorStatsKeys.DEAD_LETTER_TABLE, "sensor_dead_letters")
                .partitionColumns(PartitionColumn.dateOf("ingestion_date", "ingestion_time"))
                .build();
    }

    public DeltaSinkSettings tooLateTable() {
        return table(SensorStatsKeys.TOO_LATE_TABLE, "sensor_too_late_readings")
                .partitionColumns(PartitionColumn.dateOf("event_date", "ts"))
                .build();
    }

    public boolean statsToKafka() {
        return config.get(SensorStatsKeys.STATS_TO_KAFKA);
    }

    private DeltaSinkSettings.Builder table(ConfigKey<String> key, String localName) {
        String path =
                local && !config.isSet(key)
                        ? LOCAL_TABLES.resolve(localName).toAbsolutePath().toUri().toString()
                        : config.get(key);
        return DeltaSinkSettings.builder(path)
                .applicationId("sensor-stats")
                .targetFileSizeBytes(config.get(SensorStatsKeys.DELTA_TARGET_FILE_SIZE).getBytes())
                .checkpointInterval(config.get(SensorStatsKeys.DELTA_LOG_CHECKPOINT_INTERVAL))
                .schemaEvolution(config.get(SensorStatsKeys.DELTA_SCHEMA_EVOLUTION));
    }
}
