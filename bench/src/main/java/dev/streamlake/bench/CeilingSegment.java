package dev.streamlake.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A: the ceiling, source → deserialise → discard; no program over the pool can be faster. */
final class CeilingSegment extends Segment {

    CeilingSegment() {
        super("A", "ceiling: source → JSON decode → discard", false, false);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        input.plainJson().decoded(env).sinkTo(new EndMarkingSink<>()).name("Discard");
    }
}
