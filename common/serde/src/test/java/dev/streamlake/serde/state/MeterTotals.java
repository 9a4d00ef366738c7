package dev.streamlake.serde.state;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps a {@link MeterTotal} per meter in keyed state and emits it after each reading (meter,
 * value, unit): the keyed step the kit's savepoint tests restore.
 */
final class MeterTotals extends KeyedProcessFunction<String, Tuple3<String, Double, String>, String> {

    static final String STATE_NAME = "meter-total";
    static final KeySelector<Tuple3<String, Double, String>, String> BY_METER = reading -> reading.f0;

    private final MeterTotalSerializer serializer;
    private transient ValueState<MeterTotal> total;

    /** @param serializer that of the newest layout, or of an older one to write state as it was */
    MeterTotals(MeterTotalSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public void open(OpenContext context) {
        total = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE_NAME, serializer));
    }

    @Override
    public void processElement(Tuple3<String, Double, String> reading, Context context, Collector<String> out)
            throws Exception {
        MeterTotal meter = total.value();
        if (meter == null) {
            meter = new MeterTotal();
        }
        meter.readings++;
        meter.sum += reading.f1;
        if (reading.f2 != null) {
            meter.unit = reading.f2;
        }
        total.update(meter);
        out.collect(reading.f0 + ": " + meter);
    }
}
