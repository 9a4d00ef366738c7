package dev.streamlake.serde.state;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import java.nio.file.Path;

/**
 * A savepoint of {@link MeterTotals} with its state at layout 1, committed under
 * src/test/resources: {@link MeterTotalSavepointWriter} wrote it from {@link #READINGS}, {@link
 * LayoutMigrationTest} restores it with the newest layout.
 */
final class MeterTotalSavepoint {

    /** Read with layout 1, which had no unit: the units here are not in the savepoint. */
    @SuppressWarnings("unchecked")
    static final Tuple3<String, Double, String>[] READINGS = new Tuple3[] {
        Tuple3.of("m1", 2.5, "kWh"), Tuple3.of("m2", 1.0, "m³"), Tuple3.of("m1", 4.0, "kWh")
    };

    static final Path FILE = Path.of("src/test/resources/savepoints/meter-total-flink-1.20-layout-1");

    private MeterTotalSavepoint() {}

    static OperatorSubtaskState read() throws Exception {
        return OperatorSnapshotUtil.readStateHandle(FILE.toString());
    }

    static KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, Double, String>, String> harness(
            MeterTotalSerializer serializer) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MeterTotals(serializer)), MeterTotals.BY_METER, Types.STRING);
    }
}
