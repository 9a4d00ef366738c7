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
 * change records shaped like {@code UserChange} (same field names and kinds, any row type, the
 * row's key column named in the schema of the {@code key} field).
 *
 * <p>Ops {@code c}, {@code u} and {@code r} need {@code after}; {@code d} needs only the row's key,
 * from its {@code before} (whole, or the key columns alone as Postgres sends it) or from the Kafka
 * message key; any other op (e.g. {@code t} for truncate) is malformed, and so is a change without
 * a key or whose message key disagrees with its row. The Kafka tombstones (no value) that follow
 * deletes so that compaction can drop the key are skipped, not dead-lettered. Writing produces the
 * bare Debezium payload, which reads back to the same record.
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
        return decode(null, bytes);
    }

    @Override
    public C decode(byte[] messageKey, byte[] bytes) throws MalformedRecordException {
        DebeziumChangeCodec changeCodec = codec();
        String key = messageKey == null ? null : keyOf(changeCodec, messageKey);
        return changeType.cast(JsonDocument.read(bytes, parser -> changeCodec.read(parser, key)));
    }

    private static String keyOf(DebeziumChangeCodec changeCodec, byte[] messageKey) throws MalformedRecordException {
        try {
            return JsonDocument.read(messageKey, changeCodec::readMessageKey);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException("message key: " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public boolean skipsAbsentValues() {
        return true;
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
