package dev.streamlake.bench;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts a window's elements incrementally: R's velocity count. */
final class AttemptCount<T> implements AggregateFunction<T, Long, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T element, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
