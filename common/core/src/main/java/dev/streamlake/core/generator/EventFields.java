package dev.streamlake.core.generator;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields of an event type that a field-level corruption aims at: those that must be present
 * and not null, and those that hold a timestamp.
 */
public final class EventFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> required;
    private final List<String> timestamps;

    public EventFields(List<String> required, List<String> timestamps) {
        if (required.isEmpty()) {
            throw new IllegalArgumentException("an event type for field corruptions needs a required field");
        }
        this.required = List.copyOf(required);
        this.timestamps = List.copyOf(timestamps);
    }

    /**
     * The fields of an Avro record schema: required are those that cannot be null, timestamps
     * those of a {@code timestamp-millis} or {@code timestamp-micros} type.
     */
    public static EventFields of(Schema recordSchema) {
        Objects.requireNonNull(recordSchema, "recordSchema");
        List<String> required = new ArrayList<>();
        List<String> timestamps = new ArrayList<>();
        for (Schema.Field field : recordSchema.getFields()) {
            if (!field.schema().isNullable()) {
                required.add(field.name());
            }
            if (isTimestamp(field.schema().getLogicalType())) {
                timestamps.add(field.name());
            }
        }
        return new EventFields(required, timestamps);
    }

    private static boolean isTimestamp(LogicalType type) {
        return type instanceof LogicalTypes.TimestampMillis || type instanceof LogicalTypes.TimestampMicros;
    }

    public List<String> required() {
        return required;
    }

    public List<String> timestamps() {
        return timestamps;
    }

    @Override
    public String toString() {
        return "EventFields{required=" + required + ", timestamps=" + timestamps + "}";
    }
}
