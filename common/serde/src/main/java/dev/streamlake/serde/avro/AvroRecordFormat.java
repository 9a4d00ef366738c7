package dev.streamlake.serde.avro;

import dev.streamlake.serde.EventFormat;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/** What the Avro binary formats share: the generated class, its Flink type and the task's coder. */
abstract class AvroRecordFormat<T extends SpecificRecord> implements EventFormat<T> {

    private static final long serialVersionUID = 1L;

    final Class<T> type;
    private transient AvroBinaryCoder<T> coder;

    AvroRecordFormat(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.coder = new AvroBinaryCoder<>(type);
    }

    @Override
    public final TypeInformation<T> eventType() {
        return AvroTypes.typeInfo(type);
    }

    /** The coder of this task, created on first use after the format was shipped to it. */
    final AvroBinaryCoder<T> coder() {
        if (coder == null) {
            coder = new AvroBinaryCoder<>(type);
        }
        return coder;
    }
}
