package dev.streamlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint of {@link HeldKeyedState} restores at another parallelism, as Flink rescales a job:
 * each subtask's keyed state is cut into key groups and handed to the subtasks that own them now,
 * so nothing held in memory at the checkpoint may be missing from it. With heap state here, with
 * RocksDB in {@link HeldKeyedStateRescaleRocksDbTest}.
 */
class HeldKeyedStateRescaleTest {

    private static final int MAX_PARALLELISM = 10;
    private static final int KEYS = 40;
    /** Fewer than the keys of a subtask: some are let go before the checkpoint, some still held. */
    private static final int MOST_HELD = 6;

    private final List<KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Long>, Tuple2<String, Long>>>
            subtasks = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        closeSubtasks();
    }

    @Test
    void nothingIsLostWhenTwoSubtasksBecomeThreeAndThreeBecomeOne() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        open(2);
        processEveryKey(1, expected);
        OperatorSubtaskState atTwo = checkpointAll();

        restore(atTwo, 2, 3);
        for (int subtask = 0; subtask < 3; subtask++) {
            assertThat(operator(subtask).storedTotals()).isEqualTo(ownedBy(subtask, 3, expected));
        }
        processEveryKey(100, expected);
        OperatorSubtaskState atThree = checkpointAll();

        restore(atThree, 3, 1);
        assertThat(operator(0).storedTotals()).isEqualTo(expected);
        processEveryKey(1_000, expected);
        assertThat(subtasks.get(0).extractOutputValues())
                .hasSize(KEYS)
                .allSatisfy(total -> assertThat(total.f1).isEqualTo(expected.get(total.f0)));
    }

    /** Adds key number i's amount (i + 1) * scale to each key, sent to the subtask that owns it. */
    private void processEveryKey(long scale, Map<String, Long> expected) throws Exception {
        for (int i = 0; i < KEYS; i++) {
            String key = "key-" + i;
            long amount = (i + 1) * scale;
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, subtasks.size());
            subtasks.get(subtask).processElement(new StreamRecord<>(Tuple2.of(key, amount)));
            expected.merge(key, amount, Long::sum);
        }
    }

    private static Map<String, Long> ownedBy(int subtask, int parallelism, Map<String, Long> totals) {
        Map<String, Long> owned = new HashMap<>();
        totals.forEach((key, total) -> {
            if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, parallelism) == subtask) {
                owned.put(key, total);
            }
        });
        return owned;
    }

    /** Checkpoints every subtask and closes them; returns their state as one. */
    private OperatorSubtaskState checkpointAll() throws Exception {
        OperatorSubtaskState[] states = new OperatorSubtaskState[subtasks.size()];
        for (int subtask = 0; subtask < states.length; subtask++) {
            subtasks.get(subtask).prepareSnapshotPreBarrier(1L);
            states[subtask] = subtasks.get(subtask).snapshot(1L, 1L);
        }
        closeSubtasks();
        return AbstractStreamOperatorTestHarness.repackageState(states);
    }

    StateBackend stateBackend() {
        return new HashMapStateBackend();
    }

    private void open(int parallelism) throws Exception {
        restore(null, 0, parallelism);
    }

    /** Opens this many subtasks, each restored from its share of the state if there is one. */
    private void restore(OperatorSubtaskState state, int oldParallelism, int parallelism) throws Exception {
        for (int subtask = 0; subtask < parallelism; subtask++) {
            var harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new RunningTotals(MOST_HELD),
                            RunningTotals.BY_KEY,
                            Types.STRING,
                            MAX_PARALLELISM,
                            parallelism,
                            subtask);
            harness.setStateBackend(stateBackend());
            if (state != null) {
                harness.initializeState(
                        AbstractStreamOperatorTestHarness.repartitionOperatorState(
                                state, MAX_PARALLELISM, oldParallelism, parallelism, subtask));
            }
            harness.open();
            subtasks.add(harness);
        }
    }

    private void closeSubtasks() throws Exception {
        for (var harness : subtasks) {
            harness.close();
        }
        subtasks.clear();
    }

    private RunningTotals operator(int subtask) {
        return (RunningTotals) subtasks.get(subtask).getOperator();
    }
}
