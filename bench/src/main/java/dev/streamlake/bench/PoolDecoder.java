package dev.streamlake.bench;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.RecordDecoder;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The deserialiser of a pool source: record index → bytes from its input's lane of the pool → event
 * or dead letter.
 * An event of a later pass over the pool is moved to that pass after decoding ({@link
 * PoolEvents#moveToPass}): re-encoding the bytes would measure the encoder. Decoding, and P's
 * cleansing checks in it, see the first pass's event time, so every pass decides the same records
 * the same way.
 */
final class PoolDecoder<T extends SpecificRecord> extends RichMapFunction<Long, Decoded<T>> {

    private static final long serialVersionUID = 1L;

    /** One origin for all: a Kafka source names partition and offset, which a pool has not. */
    private static final RecordOrigin ORIGIN =
            RecordOrigin.newBuilder().setSystem("bench").setName("event-pool").setPosition("").build();

    private final RecordDecoder<T> decoder;
    private final PoolEvents<T> events;
    private transient PoolLane lane;

    PoolDecoder(EventFormat<T> format, PoolEvents<T> events) {
        this.decoder = new RecordDecoder<>(format);
        this.events = events;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        lane = EventPool.installed().lane(events.type());
        decoder.open();
    }

    @Override
    public Decoded<T> map(Long index) {
        if (index == 0) {
            SegmentClock.markFirstRecord();
        }
        Decoded<T> decoded = decoder.decode(lane.record(index), ORIGIN);
        long pass = lane.passOf(index);
        if (pass > 0 && decoded.isValue()) {
            events.moveToPass(decoded.getValue(), pass, lane.eventTimeShiftMillis(index));
        }
        return decoded;
    }
}
