package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.LocalDate;

/**
 * An Avro date from an ISO-8601 date string or a count of days since 1970-01-01 (as Debezium
 * sends dates); written as an ISO-8601 date.
 */
final class DateConverter extends TemporalConverter {

    static final DateConverter INSTANCE = new DateConverter();

    private DateConverter() {}

    @Override
    Object fromText(char[] chars, int offset, int length) {
        return Iso8601.parseDate(chars, offset, length);
    }

    @Override
    Object fromCount(long epochDay) {
        return Iso8601.fromEpochDay(epochDay);
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeString(Iso8601.formatDate((LocalDate) value));
    }

    @Override
    String expected() {
        return "an ISO-8601 date such as 2024-05-01, or days since 1970-01-01";
    }
}
