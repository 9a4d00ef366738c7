package dev.streamlake.serde;

import dev.streamlake.events.RecordOrigin;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * A Flink {@link DeserializationSchema} for any source that hands over bare bytes: every record
 * becomes an event or a dead letter. The source cannot say where in it a record was, so dead
 * letters carry only the origin system and name given here.
 */
public final class DecodingDeserializationSchema<T> implements DeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final MeteredRecordDecoder<T> decoder;
    private final String originSystem;
    private final String originName;

    /**
     * @param originSystem the kind of source, e.g. {@code file} or {@code generator}
     * @param originName the source's name, e.g. a path or a generator name
     */
    public DecodingDeserializationSchema(EventFormat<T> format, String originSystem, String originName) {
        this(new RecordDecoder<>(format), originSystem, originName);
    }

    public DecodingDeserializationSchema(RecordDecoder<T> decoder, String originSystem, String originName) {
        this.decoder = new MeteredRecordDecoder<>(decoder);
        this.originSystem = Objects.requireNonNull(originSystem, "originSystem");
        this.originName = Objects.requireNonNull(originName, "originName");
    }

    @Override
    public void open(InitializationContext context) throws Exception {
        decoder.open(context.getMetricGroup());
    }

    @Override
    public Decoded<T> deserialize(byte[] message) {
        return decoder.decode(message, new RecordOrigin(originSystem, originName, null, null, null));
    }

    @Override
    public boolean isEndOfStream(Decoded<T> nextElement) {
        return false;
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return decoder.producedType();
    }
}
