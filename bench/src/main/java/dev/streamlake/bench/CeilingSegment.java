package dev.streamlake.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A: the ceiling, source → deserialise → discard; no program over the pool can be faster. */
final class CeilingSegment extends Segment {

    private final PoolEvents<?> events;

    CeilingSegment(PoolEvents<?> events) {
        super("A", "ceiling: source → JSON decode → discard", false, false);
        this.events = events;
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        input.plainJson(events).decoded(env).sinkTo(new EndMarkingSink<>()).name("Discard");
    }
}
