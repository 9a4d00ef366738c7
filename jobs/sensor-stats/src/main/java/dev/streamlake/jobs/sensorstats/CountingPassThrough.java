package dev.streamlake.jobs.sensorstats;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Passes records on unchanged and counts them in a metric, for paths that need a count of their own. */
public final class CountingPassThrough<T> extends RichMapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    private final String metricName;
    private transient Counter counter;

    public CountingPassThrough(String metricName) {
        this.metricName = metricName;
    }

    @Override
    public void open(OpenContext openContext) {
        counter = getRuntimeContext().getMetricGroup().counter(metricName);
    }

    @Override
    public T map(T record) {
        counter.inc();
        return record;
    }
}
