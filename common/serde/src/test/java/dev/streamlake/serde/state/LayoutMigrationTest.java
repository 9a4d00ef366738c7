package dev.streamlake.serde.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A savepoint taken when {@link MeterTotal} had layout 1 (committed, {@link MeterTotalSavepoint})
 * restores into a job whose state type has layout 2: the old values are read, the added unit is at
 * its default, and what the job writes from then on is layout 2. {@link LayoutMigrationRocksDbTest}
 * restores it into RocksDB, which rewrites every value at restore.
 */
class LayoutMigrationTest {

    @Test
    void readsTheValuesOfTheOlderLayoutWithTheAddedFieldAtItsDefault() throws Exception {
        try (var harness = restored(MeterTotalSavepoint.read())) {
            process(harness, Tuple3.of("m1", 0.5, null));
            process(harness, Tuple3.of("m2", 2.0, null));

            assertThat(harness.extractOutputValues())
                    .containsExactly("m1: 3 readings, sum 7.0 unknown", "m2: 2 readings, sum 3.0 unknown");
        }
    }

    @Test
    void writesTheNewestLayoutAfterTheMigration() throws Exception {
        OperatorSubtaskState migrated;
        try (var harness = restored(MeterTotalSavepoint.read())) {
            process(harness, Tuple3.of("m1", 0.5, "kWh"));
            migrated = harness.snapshot(2L, 2L);
        }

        try (var harness = restored(migrated)) {
            process(harness, Tuple3.of("m1", 1.0, null));
            process(harness, Tuple3.of("m2", 1.0, null));

            assertThat(harness.extractOutputValues())
                    .containsExactly("m1: 4 readings, sum 8.0 kWh", "m2: 2 readings, sum 2.0 unknown");
        }
    }

    StateBackend stateBackend() {
        return new HashMapStateBackend();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, Double, String>, String> restored(
            OperatorSubtaskState state) throws Exception {
        var harness = MeterTotalSavepoint.harness(MeterTotalSerializer.INSTANCE);
        harness.setStateBackend(stateBackend());
        harness.initializeState(state);
        harness.open();
        return harness;
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, Double, String>, String> harness,
            Tuple3<String, Double, String> reading)
            throws Exception {
        harness.processElement(new StreamRecord<>(reading));
    }
}
