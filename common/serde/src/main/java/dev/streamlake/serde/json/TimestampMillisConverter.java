package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;

/** An Avro timestamp-millis from an ISO-8601 string or epoch milliseconds; written as ISO-8601 UTC. */
final class TimestampMillisConverter extends TemporalConverter {

    static final TimestampMillisConverter INSTANCE = new TimestampMillisConverter();

    private TimestampMillisConverter() {}

    @Override
    Object fromText(char[] chars, int offset, int length) {
        return Iso8601.parseTimestamp(chars, offset, length);
    }

    @Override
    Object fromCount(long epochMilli) {
        return Iso8601.fromEpochMilli(epochMilli);
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeString(Iso8601.formatTimestamp((Instant) value));
    }

    @Override
    String expected() {
        return "an ISO-8601 timestamp with a zone, such as 2024-05-01T12:00:00Z, or epoch milliseconds";
    }
}
