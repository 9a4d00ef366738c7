package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time of a decoded record: the event's own time, or a dead letter's ingestion time. */
final class DecodedTimestampAssigner<T> implements SerializableTimestampAssigner<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final EventTimeExtractor<T> eventTime;

    DecodedTimestampAssigner(EventTimeExtractor<T> eventTime) {
        this.eventTime = eventTime;
    }

    @Override
    public long extractTimestamp(Decoded<T> record, long recordTimestamp) {
        return record.isValue()
                ? eventTime.eventTimeMillis(record.getValue())
                : record.getDeadLetter().getIngestionTime().toEpochMilli();
    }
}
