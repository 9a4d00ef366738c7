package dev.streamlake.core.state;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A keyed operator on {@link HeldKeyedState} for its tests: a running total per key of the amounts
 * it reads (key, amount), emitted after each; an amount of 0 closes the key, and its state goes.
 * The totals are held in an array indexed by the keys' numbers.
 */
final class RunningTotals extends AbstractStreamOperator<Tuple2<String, Long>>
        implements OneInputStreamOperator<Tuple2<String, Long>, Tuple2<String, Long>>, HeldValues<Long> {

    static final String STATE_NAME = "running-total";
    static final ValueStateDescriptor<Long> STATE = new ValueStateDescriptor<>(STATE_NAME, LongSerializer.INSTANCE);
    static final KeySelector<Tuple2<String, Long>, String> BY_KEY = amount -> amount.f0;

    private final int mostHeld;
    private transient HeldKeyedState<String, Long> held;
    /** By number: the key's total; null once the key is closed. */
    private transient Long[] totals;
    /** How many values were written as copies, and how many handed over as they are. */
    transient int copiesWritten;
    transient int handedOver;

    RunningTotals(int mostHeld) {
        this.mostHeld = mostHeld;
    }

    @Override
    public void open() throws Exception {
        super.open();
        totals = new Long[4];
        held = new HeldKeyedState<>(getKeyedStateBackend(), STATE, mostHeld, this);
    }

    @Override
    public void processElement(StreamRecord<Tuple2<String, Long>> element) throws Exception {
        String key = element.getValue().f0;
        long amount = element.getValue().f1;
        int number = held.hold(key);
        if (number < 0) {
            number = held.add(key);
        }
        if (number >= totals.length) {
            totals = Arrays.copyOf(totals, 2 * number + 1);
        }
        totals[number] = amount == 0 ? null : (totals[number] == null ? 0 : totals[number]) + amount;
        long total = totals[number] == null ? 0 : totals[number];
        held.markChanged(number);
        held.letGoIfFull();
        output.collect(element.replace(Tuple2.of(key, total)));
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        held.writeChanged();
    }

    /** Counts what a copy would cost an operator whose values change in place (a Long does not). */
    @Override
    public Long valueToWrite(int number) {
        copiesWritten++;
        return totals[number];
    }

    @Override
    public Long valueToLetGo(int number) {
        handedOver++;
        return totals[number];
    }

    @Override
    public void readBack(int number, Long total) {
        if (number >= totals.length) {
            totals = Arrays.copyOf(totals, 2 * number + 1);
        }
        totals[number] = total;
    }

    @Override
    public void letGoAll() {
        Arrays.fill(totals, null);
    }

    /** The totals held in memory, by key. */
    Map<String, Long> heldTotals() {
        Map<String, Long> byKey = new HashMap<>();
        for (int number = 0; number < totals.length; number++) {
            if (totals[number] != null) {
                byKey.put(held.key(number), totals[number]);
            }
        }
        return byKey;
    }

    /** The totals the state backend holds, by key. */
    Map<String, Long> storedTotals() throws Exception {
        Map<String, Long> byKey = new HashMap<>();
        held.forEachStored((key, state) -> byKey.put(key, state.value()));
        return byKey;
    }

    int heldKeys() {
        return held.size();
    }
}
