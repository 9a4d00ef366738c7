package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsAccumulator;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * R: the smallest plain DataStream program with the job's result: keyBy sensor → tumbling
 * event-time window → the same incremental aggregate; bad records and late readings are dropped.
 */
final class SensorReferenceSegment extends Segment {

    SensorReferenceSegment() {
        super("R", "reference: decode → keyBy sensor → tumbling event-time window → incremental aggregate", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        input.plainJson(SensorReadingEvents.INSTANCE)
                .createStream(env)
                .flatMap(new DecodedValues<>())
                .returns(TypeInformation.of(SensorReading.class))
                .keyBy(SensorReading::getSensorId, Types.STRING)
                .window(TumblingEventTimeWindows.of(input.window()))
                .aggregate(
                        new SensorStatsAggregate(),
                        new KeyedWindowResult(),
                        TypeInformation.of(SensorStatsAccumulator.class),
                        TypeInformation.of(SensorStatsAccumulator.class),
                        Types.TUPLE(Types.STRING, Types.LONG, TypeInformation.of(SensorStatsAccumulator.class)))
                .uid("window-stats")
                .sinkTo(new EndMarkingSink<>())
                .name("Discard");
    }

    /** The statistics with the sensor and the window they belong to. */
    private static final class KeyedWindowResult
            extends ProcessWindowFunction<
                    SensorStatsAccumulator, Tuple3<String, Long, SensorStatsAccumulator>, String, TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String sensor,
                Context context,
                Iterable<SensorStatsAccumulator> stats,
                Collector<Tuple3<String, Long, SensorStatsAccumulator>> out) {
            out.collect(Tuple3.of(sensor, context.window().getStart(), stats.iterator().next()));
        }
    }
}
