package dev.streamlake.core.kinesis;

import dev.streamlake.core.source.EventTimeExtractor;
import dev.streamlake.serde.Decoded;

import org.apache.flink.streaming.api.functions.AssignerWithPeriodicWatermarks;
import org.apache.flink.streaming.api.watermark.Watermark;

import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks for one Kinesis shard. The Kinesis consumer keeps one copy
 * per shard and emits the lowest of their watermarks, so a reader catching up on one shard's
 * backlog cannot push event time past the readings still waiting in its other shards. As with
 * the other sources, dead letters carry their ingestion time and do not move event time.
 */
@SuppressWarnings("deprecation") // the consumer's per-shard hook takes only this legacy interface
final class ShardWatermarks<T> implements AssignerWithPeriodicWatermarks<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final EventTimeExtractor<T> eventTime;
    private final long outOfOrdernessMillis;
    private long maxEventTime = Long.MIN_VALUE;

    ShardWatermarks(EventTimeExtractor<T> eventTime, Duration outOfOrderness) {
        this.eventTime = eventTime;
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public long extractTimestamp(Decoded<T> record, long previousTimestamp) {
        if (!record.isValue()) {
            return record.getDeadLetter().getIngestionTime().toEpochMilli();
        }
        long timestamp = eventTime.eventTimeMillis(record.getValue());
        maxEventTime = Math.max(maxEventTime, timestamp);
        return timestamp;
    }

    @Override
    public Watermark getCurrentWatermark() {
        return maxEventTime == Long.MIN_VALUE
                ? null
                : new Watermark(maxEventTime - outOfOrdernessMillis - 1);
    }
}
