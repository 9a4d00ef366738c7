package dev.streamlake.bench;

import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;

/** What every segment is given: how many pool records to read, how watermarks are emitted, and the window to compute. */
final class SegmentInput {

    private final long events;
    private final Duration window;
    private final WatermarkEmission watermarks;

    SegmentInput(long events, Duration window, WatermarkEmission watermarks) {
        this.events = events;
        this.window = window;
        this.watermarks = watermarks;
    }

    /** The pool read with the plain JSON format, as a minimal program would. */
    <T extends SpecificRecord> PoolEventSource<T> plainJson(PoolEvents<T> kind) {
        return source(kind, new JsonFormat<>(kind.type()));
    }

    <T extends SpecificRecord> PoolEventSource<T> source(PoolEvents<T> kind, EventFormat<T> format) {
        return new PoolEventSource<>(kind, format, events, watermarks);
    }

    long events() {
        return events;
    }

    /** The sensor-stats segments' tumbling window (--window); the card segments take the job's own windows. */
    Duration window() {
        return window;
    }

    WatermarkEmission watermarks() {
        return watermarks;
    }
}
