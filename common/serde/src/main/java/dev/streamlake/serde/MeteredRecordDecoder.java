package dev.streamlake.serde;

import dev.streamlake.events.RecordOrigin;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;

import java.io.Serializable;
import java.util.Objects;

/**
 * A {@link RecordDecoder} that counts what it produces, so every source reports decoded records,
 * dead letters and skipped tombstones under the same metric names whatever connector it reads from.
 */
public final class MeteredRecordDecoder<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RECORDS_DECODED = "recordsDecoded";
    public static final String DEAD_LETTERS = "deadLetters";
    /** Records without a value that the format expects and skips (see {@link EventFormat#skipsAbsentValues}). */
    public static final String TOMBSTONES = "tombstones";

    private final RecordDecoder<T> decoder;
    private transient Counter recordsDecoded;
    private transient Counter deadLetters;
    private transient Counter tombstones;

    public MeteredRecordDecoder(RecordDecoder<T> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Opens the format and registers the counters; call once on the task before decoding. */
    public void open(MetricGroup metrics) throws Exception {
        decoder.open();
        recordsDecoded = metrics.counter(RECORDS_DECODED);
        deadLetters = metrics.counter(DEAD_LETTERS);
        tombstones = metrics.counter(TOMBSTONES);
    }

    /** See {@link RecordDecoder#decode(byte[], RecordOrigin)}. */
    public Decoded<T> decode(byte[] raw, RecordOrigin origin) {
        return counted(decoder.decode(raw, origin));
    }

    /**
     * Emits the decoded record (see {@link RecordDecoder#decode(byte[], byte[], RecordOrigin)}), or
     * nothing for a record the format skips, which is counted as a tombstone.
     */
    public void decode(byte[] messageKey, byte[] raw, RecordOrigin origin, Collector<Decoded<T>> out) {
        if (decoder.skips(raw)) {
            tombstones.inc();
        } else {
            out.collect(counted(decoder.decode(messageKey, raw, origin)));
        }
    }

    private Decoded<T> counted(Decoded<T> decoded) {
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
