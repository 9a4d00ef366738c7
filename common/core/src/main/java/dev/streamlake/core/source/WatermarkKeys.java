package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/** Keys of the event-time watermarks of every input. */
public final class WatermarkKeys {

    public static final ConfigKey<Duration> OUT_OF_ORDERNESS =
            ConfigKey.of("watermark.out-of-orderness", ValueType.duration())
                    .withDefault(Duration.ofSeconds(5))
                    .withDescription(
                            "How far behind the newest event time seen an event may arrive and still be"
                                    + " on time; the watermark trails the newest event time by this much.");

    public static final ConfigKey<Duration> IDLENESS =
            ConfigKey.of("watermark.idleness", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription(
                            "A partition or shard with no events for this long stops holding the"
                                    + " watermark back; 0s never marks one idle.");

    public static final ConfigKey<Duration> ALIGNMENT_MAX_DRIFT =
            ConfigKey.of("watermark.alignment.max-drift", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription(
                            "Watermark alignment: a partition, shard or generator lane whose watermark is"
                                    + " this far ahead of the job's slowest one pauses until that one catches up,"
                                    + " so a backlog is read in event-time order across partitions. It also"
                                    + " caps a backlog read at this much event time per"
                                    + " watermark.alignment.update-interval; 0s turns alignment off.");

    public static final ConfigKey<Duration> ALIGNMENT_UPDATE_INTERVAL =
            ConfigKey.of("watermark.alignment.update-interval", ValueType.duration())
                    .withDefault(Duration.ofMillis(200))
                    .withRule(d -> d.toMillis() >= 10, "at least 10ms")
                    .withDescription("How often the sources share their watermarks for alignment.");

    /** The keys of one input's watermarks, declared under the input's name. */
    public static final ConfigSchema PER_INPUT = ConfigSchema.builder().add(OUT_OF_ORDERNESS, IDLENESS).build();

    /** The alignment keys, shared: every input of a job aligns in one group. */
    public static final ConfigSchema ALIGNMENT =
            ConfigSchema.builder().add(ALIGNMENT_MAX_DRIFT, ALIGNMENT_UPDATE_INTERVAL).build();

    private WatermarkKeys() {}
}
