package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsAccumulator;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds a sensor's readings into window statistics incrementally, one reading at a time. */
public class SensorStatsAggregate
        implements AggregateFunction<SensorReading, SensorStatsAccumulator, SensorStatsAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public SensorStatsAccumulator createAccumulator() {
        return new SensorStatsAccumulator();
    }

    @Override
    public SensorStatsAccumulator add(SensorReading reading, SensorStatsAccumulator accumulator) {
        accumulator.add(reading);
        return accumulator;
    }

    @Override
    public SensorStatsAccumulator getResult(SensorStatsAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public SensorStatsAccumulator merge(SensorStatsAccumulator a, SensorStatsAccumulator b) {
        return a.merge(b);
    }
}
