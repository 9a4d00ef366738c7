package dev.streamlake.bench;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The events of a decoded stream, dead letters dropped: what a minimal program does with bad records. */
final class DecodedValues<T> implements FlatMapFunction<Decoded<T>, T> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Decoded<T> decoded, Collector<T> out) {
        if (decoded.isValue()) {
            out.collect(decoded.getValue());
        }
    }
}
