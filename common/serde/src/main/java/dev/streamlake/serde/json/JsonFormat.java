package dev.streamlake.serde.json;

import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.avro.AvroTypes;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * Events as JSON objects whose names are the Avro field names; see {@link JsonCodec} for how
 * each type looks. The converter tree is built once per task, never per record.
 */
public final class JsonFormat<T extends SpecificRecord> implements EventFormat<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient JsonCodec<T> codec;

    /** @throws IllegalArgumentException if the class's schema uses a type JSON cannot carry */
    public JsonFormat(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.codec = JsonCodec.forClass(type);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public TypeInformation<T> eventType() {
        return AvroTypes.typeInfo(type);
    }

    @Override
    public void open() {
        codec();
    }

    @Override
    public T decode(byte[] bytes) throws MalformedRecordException {
        JsonCodec<T> recordCodec = codec();
        return JsonDocument.read(bytes, parser -> recordCodec.read(parser, ""));
    }

    @Override
    public byte[] encode(T event) {
        JsonCodec<T> recordCodec = codec();
        return JsonDocument.write(generator -> recordCodec.write(generator, event));
    }

    private JsonCodec<T> codec() {
        if (codec == null) {
            codec = JsonCodec.forClass(type);
        }
        return codec;
    }

    @Override
    public String toString() {
        return "JsonFormat{" + type.getName() + "}";
    }
}
