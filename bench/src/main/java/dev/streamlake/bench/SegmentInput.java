package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

import java.time.Duration;

/** What every segment is given: how many pool records to read and the window to compute. */
final class SegmentInput {

    private final long events;
    private final Duration window;

    SegmentInput(long events, Duration window) {
        this.events = events;
        this.window = window;
    }

    /** The pool read with the plain JSON format, as a minimal program would. */
    PoolEventSource plainJson() {
        return source(new JsonFormat<>(SensorReading.class));
    }

    PoolEventSource source(EventFormat<SensorReading> format) {
        return new PoolEventSource(format, events);
    }

    long events() {
        return events;
    }

    Duration window() {
        return window;
    }
}
