package dev.streamlake.bench;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.RecordDecoder;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The deserialiser of the pool source: record index → bytes from the pool → event or dead letter.
 * A reading of a later pass over the pool gets its event time moved by the pass's shift after
 * decoding: re-encoding the bytes would measure the encoder. Decoding, and P's cleansing checks in
 * it, see the first pass's event time, so every pass decides the same records the same way.
 */
final class PoolDecoder extends RichMapFunction<Long, Decoded<SensorReading>> {

    private static final long serialVersionUID = 1L;

    /** One origin for all: a Kafka source names partition and offset, which a pool has not. */
    private static final RecordOrigin ORIGIN =
            RecordOrigin.newBuilder().setSystem("bench").setName("event-pool").setPosition("").build();

    private final RecordDecoder<SensorReading> decoder;
    private transient EventPool pool;

    PoolDecoder(EventFormat<SensorReading> format) {
        this.decoder = new RecordDecoder<>(format);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        pool = EventPool.installed();
        decoder.open();
    }

    @Override
    public Decoded<SensorReading> map(Long index) {
        if (index == 0) {
            SegmentClock.markFirstRecord();
        }
        Decoded<SensorReading> decoded = decoder.decode(pool.record(index), ORIGIN);
        long shift = pool.eventTimeShiftMillis(index);
        if (shift > 0 && decoded.isValue()) {
            SensorReading reading = decoded.getValue();
            reading.setTs(reading.getTs().plusMillis(shift));
        }
        return decoded;
    }
}
