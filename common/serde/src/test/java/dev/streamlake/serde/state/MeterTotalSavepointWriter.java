package dev.streamlake.serde.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

/**
 * Writes {@link MeterTotalSavepoint} with the serializer of layout 1, which writes exactly what
 * the type's serializer wrote before the unit was added. Not run with the tests (its name does not
 * end in Test); it will not overwrite the committed file.
 *
 * <pre>./mvnw -pl common/serde test -Dtest=MeterTotalSavepointWriter</pre>
 */
class MeterTotalSavepointWriter {

    @Test
    void writeTheSavepointOfLayout1() throws Exception {
        assertThat(MeterTotalSavepoint.FILE).as("the savepoint is committed already").doesNotExist();
        try (KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, Double, String>, String> harness =
                MeterTotalSavepoint.harness(new MeterTotalSerializer(1))) {
            harness.setStateBackend(new HashMapStateBackend());
            harness.open();
            for (Tuple3<String, Double, String> reading : MeterTotalSavepoint.READINGS) {
                harness.processElement(new StreamRecord<>(reading));
            }
            OperatorSubtaskState savepoint =
                    harness.snapshotWithLocalState(1L, 1L, SavepointType.savepoint(SavepointFormatType.CANONICAL))
                            .getJobManagerOwnedState();
            Files.createDirectories(MeterTotalSavepoint.FILE.getParent());
            OperatorSnapshotUtil.writeStateHandle(savepoint, MeterTotalSavepoint.FILE.toString());
        }
    }
}
