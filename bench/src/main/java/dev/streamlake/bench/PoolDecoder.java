package dev.streamlake.bench;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.RecordDecoder;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** The deserialiser of the pool source: record index → bytes from the pool → event or dead letter. */
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
        return decoder.decode(pool.record(index), ORIGIN);
    }
}
