package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.Input;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.ValidatedFormat;

import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;

/**
 * What every segment is given: how many pool records to read (all inputs together, each input's
 * source reading its share, {@link EventPool#eventsOf}), how watermarks are emitted, and the window
 * to compute.
 */
final class SegmentInput {

    private final long events;
    private final Duration window;
    private final WatermarkEmission watermarks;

    SegmentInput(long events, Duration window, WatermarkEmission watermarks) {
        this.events = events;
        this.window = window;
        this.watermarks = watermarks;
    }

    /** The pool read with its plain JSON format (Debezium JSON for a changelog), as a minimal program would. */
    <T extends SpecificRecord> PoolEventSource<T> plainJson(PoolEvents<T> kind) {
        return source(kind, kind.plainFormat());
    }

    /** The pool read as a job's input is: its plain format with the input's cleansing rules applied while decoding. */
    <T extends SpecificRecord> PoolEventSource<T> asInput(PoolEvents<T> kind, Input<T> input, JobConfig config) {
        return source(kind, new ValidatedFormat<>(kind.plainFormat(), input.rules().orElseThrow().create(config)));
    }

    /** The pool read with this format; where the pool is installed, as the input's share of the records depends on it. */
    <T extends SpecificRecord> PoolEventSource<T> source(PoolEvents<T> kind, EventFormat<T> format) {
        return new PoolEventSource<>(kind, format, EventPool.installed().eventsOf(kind.type(), events), watermarks);
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
