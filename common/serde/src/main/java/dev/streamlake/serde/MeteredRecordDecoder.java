package dev.streamlake.serde;

import dev.streamlake.events.RecordOrigin;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.io.Serializable;
import java.util.Objects;

/**
 * A {@link RecordDecoder} that counts what it produces, so every source reports decoded records
 * and dead letters under the same metric names whatever connector it reads from.
 */
public final class MeteredRecordDecoder<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RECORDS_DECODED = "recordsDecoded";
    public static final String DEAD_LETTERS = "deadLetters";

    private final RecordDecoder<T> decoder;
    private transient Counter recordsDecoded;
    private transient Counter deadLetters;

    public MeteredRecordDecoder(RecordDecoder<T> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Opens the format and registers the counters; call once on the task before decoding. */
    public void open(MetricGroup metrics) throws Exception {
        decoder.open();
        recordsDecoded = metrics.counter(RECORDS_DECODED);
        deadLetters = metrics.counter(DEAD_LETTERS);
    }

    /** See {@link RecordDecoder#decode}. */
    public Decoded<T> decode(byte[] raw, RecordOrigin origin) {
        Decoded<T> decoded = decoder.decode(raw, origin);
        if (decoded.isValue()) {
            recordsDecoded.inc();
        } else {
            deadLetters.inc();
        }
        return decoded;
    }

    public TypeInformation<Decoded<T>> producedType() {
        return Decoded.typeInfo(decoder.format().eventType());
    }
}
