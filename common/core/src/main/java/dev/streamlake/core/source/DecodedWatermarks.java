package dev.streamlake.core.source;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * The watermark strategy for a stream of decoded records: timestamps from the event (a dead
 * letter's from its ingestion time), bounded out-of-orderness driven by events only and emitted
 * with them, idleness so a quiet partition or shard does not stall event time, and watermark
 * alignment so that a backlog is read in event-time order across partitions.
 *
 * <p>Together these make which records are late depend on the records, not on read speed:
 * within a partition the watermark follows its records exactly, and across partitions alignment
 * keeps the one read fastest from running further ahead than the allowed drift.
 */
public final class DecodedWatermarks {

    /**
     * Every source of a job aligns in this group: the inputs of a job meet in its keyed steps,
     * so they must walk through event time together.
     */
    static final String ALIGNMENT_GROUP = "event-time";

    private DecodedWatermarks() {}

    /** The strategy from {@link WatermarkKeys}. */
    public static <T> WatermarkStrategy<Decoded<T>> fromConfig(JobConfig config, EventTimeExtractor<T> eventTime) {
        WatermarkStrategy<Decoded<T>> strategy =
                of(config.get(WatermarkKeys.OUT_OF_ORDERNESS), config.get(WatermarkKeys.IDLENESS), eventTime);
        Duration maxDrift = config.get(WatermarkKeys.ALIGNMENT_MAX_DRIFT);
        return maxDrift.isZero()
                ? strategy
                : strategy.withWatermarkAlignment(
                        ALIGNMENT_GROUP, maxDrift, config.get(WatermarkKeys.ALIGNMENT_UPDATE_INTERVAL));
    }

    /** The strategy with the given bounds and no alignment; an idleness of zero never marks a source idle. */
    public static <T> WatermarkStrategy<Decoded<T>> of(
            Duration outOfOrderness, Duration idleness, EventTimeExtractor<T> eventTime) {
        WatermarkStrategy<Decoded<T>> strategy =
                WatermarkStrategy.<Decoded<T>>forGenerator(context -> new EventDrivenWatermarks<>(outOfOrderness))
                        .withTimestampAssigner(new DecodedTimestampAssigner<>(eventTime));
        return idleness.isZero() ? strategy : strategy.withIdleness(idleness);
    }
}
