package dev.streamlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@link HeldKeyedState} under an operator ({@link RunningTotals}) in Flink's harness, with heap
 * state; {@link HeldKeyedStateRocksDbTest} runs the same with RocksDB.
 */
class HeldKeyedStateTest {

    KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Long>, Tuple2<String, Long>> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void holdsChangesInMemoryUntilACheckpointWritesThem() throws Exception {
        open(1_000, null);
        process("a", 1);
        process("b", 2);
        process("a", 3);
        assertThat(operator().storedTotals()).isEmpty();
        assertThat(operator().heldTotals()).isEqualTo(Map.of("a", 4L, "b", 2L));

        checkpoint(1L);

        assertThat(operator().storedTotals()).isEqualTo(Map.of("a", 4L, "b", 2L));
    }

    @Test
    void theStateBackendHoldsExactlyWhatMemoryHeldAfterACheckpoint() throws Exception {
        open(7, null);
        Random random = new Random(42);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            String key = "key-" + random.nextInt(30);
            long amount = random.nextInt(5);
            process(key, amount);
            if (amount == 0) {
                expected.remove(key);
            } else {
                expected.merge(key, amount, Long::sum);
            }
            if (i % 100 == 99) {
                checkpoint(i);

                assertThat(operator().storedTotals()).isEqualTo(expected);
                assertThat(expected).containsAllEntriesOf(operator().heldTotals());
            }
        }
    }

    @Test
    void aClosedKeyLeavesNoStateAfterTheNextCheckpoint() throws Exception {
        open(1_000, null);
        process("a", 1);
        checkpoint(1L);

        process("a", 0);
        checkpoint(2L);

        assertThat(operator().storedTotals()).isEmpty();
        assertThat(operator().heldKeys()).isZero();
    }

    @Test
    void writesEveryKeyAndLetsAllGoOnceItHoldsTheMostItMay() throws Exception {
        open(3, null);
        process("a", 1);
        process("b", 1);
        assertThat(operator().storedTotals()).isEmpty();

        process("c", 1);
        assertThat(operator().storedTotals()).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 1L));
        assertThat(operator().heldKeys()).isZero();

        process("a", 10);
        assertThat(operator().heldTotals()).isEqualTo(Map.of("a", 11L));
        assertThat(harness.extractOutputValues()).last().isEqualTo(Tuple2.of("a", 11L));
    }

    @Test
    void copiesOnlyWhatAHeapBackendWouldShareWithAKeyStillHeld() throws Exception {
        open(2, null);
        process("a", 1);
        checkpoint(1L); // "a" is written and stays held
        process("b", 1); // two held: both let go, "b" written

        boolean heap = stateBackend() instanceof HashMapStateBackend;
        assertThat(HeldKeyedState.keepsObjects(harness.getOperator().getKeyedStateBackend())).isEqualTo(heap);
        // RocksDB keeps bytes, so nothing is ever copied; the heap keeps objects, so only the
        // barrier's write of a key that stays held is.
        assertThat(operator().copiesWritten).isEqualTo(heap ? 1 : 0);
        assertThat(operator().handedOver).isEqualTo(heap ? 1 : 2);
        assertThat(operator().storedTotals()).isEqualTo(Map.of("a", 1L, "b", 1L));
    }

    @Test
    void writesEveryChangeAtOnceWhenItMayHoldNoKey() throws Exception {
        open(0, null);
        process("a", 1);
        assertThat(operator().storedTotals()).isEqualTo(Map.of("a", 1L));
        assertThat(operator().heldKeys()).isZero();

        process("a", 2);

        assertThat(operator().storedTotals()).isEqualTo(Map.of("a", 3L));
    }

    @Test
    void aRestoreGoesOnFromWhatTheCheckpointHeld() throws Exception {
        open(1_000, null);
        process("a", 1);
        process("b", 2);
        OperatorSubtaskState checkpoint = checkpoint(1L);
        process("a", 100); // after the checkpoint: replayed from the source after a failure

        harness.close();
        open(1_000, checkpoint);
        process("a", 1);
        process("b", 1);

        assertThat(harness.extractOutputValues()).containsExactly(Tuple2.of("a", 2L), Tuple2.of("b", 3L));
    }

    StateBackend stateBackend() {
        return new HashMapStateBackend();
    }

    void open(int mostHeld, OperatorSubtaskState restored) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new RunningTotals(mostHeld), RunningTotals.BY_KEY, Types.STRING);
        harness.setStateBackend(stateBackend());
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    void process(String key, long amount) throws Exception {
        harness.processElement(new StreamRecord<>(Tuple2.of(key, amount)));
    }

    /** A checkpoint as the task takes it: the operator is told before the barrier, then snapshotted. */
    OperatorSubtaskState checkpoint(long id) throws Exception {
        harness.prepareSnapshotPreBarrier(id);
        return harness.snapshot(id, id);
    }

    RunningTotals operator() {
        return (RunningTotals) harness.getOperator();
    }
}
