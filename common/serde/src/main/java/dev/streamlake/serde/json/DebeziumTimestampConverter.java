package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;

/** An Avro timestamp-millis as a Debezium row holds it ({@link JsonDialect#DEBEZIUM}); written as ISO-8601 UTC. */
final class DebeziumTimestampConverter extends TemporalConverter {

    static final DebeziumTimestampConverter INSTANCE = new DebeziumTimestampConverter();

    static final long MICROS_FROM = 100_000_000_000_000L;
    static final long NANOS_FROM = 100_000_000_000_000_000L;

    private DebeziumTimestampConverter() {}

    @Override
    Object fromText(char[] chars, int offset, int length) {
        return Iso8601.parseTimestamp(chars, offset, length);
    }

    @Override
    Object fromCount(long count) {
        long magnitude = Math.abs(count);
        if (magnitude >= NANOS_FROM) {
            return Iso8601.fromEpochMilli(Math.floorDiv(count, 1_000_000L));
        }
        if (magnitude >= MICROS_FROM) {
            return Iso8601.fromEpochMilli(Math.floorDiv(count, 1_000L));
        }
        return Iso8601.fromEpochMilli(count);
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeString(Iso8601.formatTimestamp((Instant) value));
    }

    @Override
    String expected() {
        return "an ISO-8601 timestamp with a zone, or epoch milliseconds, microseconds or nanoseconds";
    }
}
