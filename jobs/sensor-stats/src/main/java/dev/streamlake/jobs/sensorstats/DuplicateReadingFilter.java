package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.Arrays;

/**
 * Lets the first of several exact duplicates through (same sensor, same event time, same value)
 * and counts the rest; sensors and gateways retry, and a retried reading must not be counted
 * twice.
 *
 * <p>Keyed by sensor id. It remembers the values seen at each event time until the watermark
 * passes that time plus the retention (the window size plus the allowed lateness): a duplicate
 * older than that could no longer change a window anyway, and goes to the late-events output.
 */
public class DuplicateReadingFilter extends KeyedProcessFunction<String, SensorReading, SensorReading> {

    private static final long serialVersionUID = 1L;

    public static final String DUPLICATES_METRIC = "duplicateReadings";

    private final long retentionMillis;

    private transient MapState<Long, double[]> valuesByEventTime;
    private transient Counter duplicates;

    public DuplicateReadingFilter(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        valuesByEventTime =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "values-by-event-time",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
    }

    @Override
    public void processElement(SensorReading reading, Context ctx, Collector<SensorReading> out)
            throws Exception {
        long ts = reading.getTs().toEpochMilli();
        double value = reading.getReading();
        double[] seen = valuesByEventTime.get(ts);
        if (seen == null) {
            valuesByEventTime.put(ts, new double[] {value});
            ctx.timerService().registerEventTimeTimer(ts + retentionMillis);
        } else if (contains(seen, value)) {
            duplicates.inc();
            return;
        } else {
            double[] more = Arrays.copyOf(seen, seen.length + 1);
            more[seen.length] = value;
            valuesByEventTime.put(ts, more);
        }
        out.collect(reading);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SensorReading> out)
            throws Exception {
        valuesByEventTime.remove(timestamp - retentionMillis);
    }

    private static boolean contains(double[] values, double value) {
        for (double v : values) {
            if (Double.compare(v, value) == 0) {
                return true;
            }
        }
        return false;
    }
}
