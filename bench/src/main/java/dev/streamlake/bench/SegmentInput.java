package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

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
    PoolEventSource plainJson() {
        return source(new JsonFormat<>(SensorReading.class));
    }

    PoolEventSource source(EventFormat<SensorReading> format) {
        return new PoolEventSource(format, events, watermarks);
    }

    long events() {
        return events;
    }

    Duration window() {
        return window;
    }

    WatermarkEmission watermarks() {
        return watermarks;
    }
}
