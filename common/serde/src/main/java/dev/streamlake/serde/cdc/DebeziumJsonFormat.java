package dev.streamlake.serde.cdc;

import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.json.JsonDocument;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * Debezium change events in JSON, with or without the {@code {schema, payload}} envelope, as
 * change records shaped like {@code UserChange} (same field names and kinds, any row type).
 *
 * <p>Ops {@code c} and {@code r} need {@code after}, {@code u} needs {@code after}, {@code d}
 * needs {@code before}; any other op (e.g. {@code t} for truncate) is malformed. Kafka tombstones
 * (no value) that follow deletes become dead letters in {@code RecordDecoder} like any empty
 * record. Writing produces the bare Debezium payload, which reads back to the same record.
 */
public final class DebeziumJsonFormat<C extends SpecificRecord> implements EventFormat<C> {

    private static final long serialVersionUID = 1L;

    private final Class<C> changeType;
    private transient DebeziumChangeCodec codec;

    /** @throws IllegalArgumentException if the class is not shaped like a change record */
    public DebeziumJsonFormat(Class<C> changeType) {
        this.changeType = Objects.requireNonNull(changeType, "changeType");
        this.codec = new DebeziumChangeCodec(new ChangeRecordShape(changeType));
    }

    @Override
    public String name() {
        return "debezium-json";
    }

    @Override
    public TypeInformation<C> eventType() {
        return AvroTypes.typeInfo(changeType);
    }

    @Override
    public void open() {
        codec();
    }

    @Override
    public C decode(byte[] bytes) throws MalformedRecordException {
        DebeziumChangeCodec changeCodec = codec();
        return changeType.cast(JsonDocument.read(bytes, changeCodec::read));
    }

    @Override
    public byte[] encode(C change) {
        DebeziumChangeCodec changeCodec = codec();
        return JsonDocument.write(generator -> changeCodec.write(generator, change));
    }

    private DebeziumChangeCodec codec() {
        if (codec == null) {
            codec = new DebeziumChangeCodec(new ChangeRecordShape(changeType));
        }
        return codec;
    }

    @Override
    public String toString() {
        return "DebeziumJsonFormat{" + changeType.getName() + "}";
    }
}
