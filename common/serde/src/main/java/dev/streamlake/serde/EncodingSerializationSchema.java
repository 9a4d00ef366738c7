package dev.streamlake.serde;

import org.apache.flink.api.common.serialization.SerializationSchema;

import java.util.Objects;

/** A Flink {@link SerializationSchema} that writes events in an {@link EventFormat}. */
public final class EncodingSerializationSchema<T> implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final EventFormat<T> format;

    public EncodingSerializationSchema(EventFormat<T> format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public void open(InitializationContext context) throws Exception {
        format.open();
    }

    @Override
    public byte[] serialize(T element) {
        return format.encode(element);
    }
}
