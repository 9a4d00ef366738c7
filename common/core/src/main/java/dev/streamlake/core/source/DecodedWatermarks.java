package dev.streamlake.core.source;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * The watermark strategy for a stream of decoded records: timestamps from the event (a dead
 * letter's from its ingestion time), bounded out-of-orderness driven by events only, and
 * idleness so a quiet partition or shard does not stall event time.
 */
public final class DecodedWatermarks {

    private DecodedWatermarks() {}

    /** The strategy from {@link WatermarkKeys}. */
    public static <T> WatermarkStrategy<Decoded<T>> fromConfig(JobConfig config, EventTimeExtractor<T> eventTime) {
        return of(config.get(WatermarkKeys.OUT_OF_ORDERNESS), config.get(WatermarkKeys.IDLENESS), eventTime);
    }

    /** The strategy with the given bounds; an idleness of zero never marks a source idle. */
    public static <T> WatermarkStrategy<Decoded<T>> of(
            Duration outOfOrderness, Duration idleness, EventTimeExtractor<T> eventTime) {
        WatermarkStrategy<Decoded<T>> strategy =
                WatermarkStrategy.<Decoded<T>>forGenerator(context -> new EventDrivenWatermarks<>(outOfOrderness))
                        .withTimestampAssigner(new DecodedTimestampAssigner<>(eventTime));
        return idleness.isZero() ? strategy : strategy.withIdleness(idleness);
    }
}
