package dev.streamlake.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A: the ceiling, source → deserialise → discard, for every input of the job; no program over the pool can be faster. */
final class CeilingSegment extends Segment {

    private final List<PoolEvents<?>> inputs;

    CeilingSegment(PoolEvents<?>... inputs) {
        super("A", describe(inputs), false, false);
        this.inputs = List.of(inputs);
    }

    private static String describe(PoolEvents<?>... inputs) {
        if (inputs.length == 1) {
            return "ceiling: source → JSON decode → discard";
        }
        return "ceiling: a source per input → decode ("
                + Arrays.stream(inputs)
                        .map(input -> input.type().getSimpleName() + " " + input.plainFormat().name())
                        .collect(Collectors.joining(", "))
                + ") → discard";
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        for (PoolEvents<?> events : inputs) {
            input.plainJson(events).decoded(env).sinkTo(new EndMarkingSink<>()).name("Discard");
        }
    }
}
