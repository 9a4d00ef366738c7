package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's close() declares InterruptedException, which try-with-resources lint flags. */
@SuppressWarnings("try")
class CommitBundlerTest {

    private static DataFile file(String name) {
        return new DataFile("file:/t/" + name, Collections.emptyMap(), 10, 1, 1, "{}");
    }

    private static OneInputStreamOperatorTestHarness<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>>
            harness() throws Exception {
        var harness =
                new OneInputStreamOperatorTestHarness<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>>(
                        new CommitBundler("sensor-stats"),
                        CommittableMessageTypeInfo.of(DataFileSerializer::new).createSerializer(new SerializerConfigImpl()));
        harness.setup(CommittableMessageTypeInfo.of(CommitBundleSerializer::new).createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    private static void writerSends(
            OneInputStreamOperatorTestHarness<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>> harness,
            long checkpointId,
            int subtask,
            String... names)
            throws Exception {
        harness.processElement(new StreamRecord<>(new CommittableSummary<>(subtask, 2, checkpointId, names.length, names.length, 0)));
        for (String name : names) {
            harness.processElement(new StreamRecord<>(new CommittableWithLineage<>(file(name), checkpointId, subtask)));
        }
    }

    private static List<CommitBundle> bundles(
            OneInputStreamOperatorTestHarness<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>> harness) {
        return harness.extractOutputValues().stream()
                .filter(message -> message instanceof CommittableWithLineage)
                .map(message -> ((CommittableWithLineage<CommitBundle>) message).getCommittable())
                .collect(Collectors.toList());
    }

    @Test
    void aCheckpointBundlesTheFilesOfAllWritersIntoOneCommittable() throws Exception {
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 3, 0, "a", "b");
            writerSends(harness, 3, 1, "c");

            harness.prepareSnapshotPreBarrier(3);

            List<CommittableMessage<CommitBundle>> output = harness.extractOutputValues();
            assertThat(output).hasSize(2);
            CommittableSummary<CommitBundle> summary = (CommittableSummary<CommitBundle>) output.get(0);
            assertThat(summary.getCheckpointId()).hasValue(3);
            assertThat(summary.getNumberOfCommittables()).isEqualTo(1);
            CommitBundle bundle = bundles(harness).get(0);
            assertThat(bundle.version()).isEqualTo(3);
            assertThat(bundle.previousVersion()).isEqualTo(CommitBundle.NO_PREVIOUS_VERSION);
            assertThat(bundle.applicationId()).startsWith("sensor-stats-");
            assertThat(bundle.files()).extracting(DataFile::path).containsExactly("file:/t/a", "file:/t/b", "file:/t/c");
        }
    }

    @Test
    void aCheckpointWithoutFilesMakesNoBundle() throws Exception {
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 1, 0);

            harness.prepareSnapshotPreBarrier(1);

            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void eachBundleNamesTheOneBeforeIt() throws Exception {
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 2, 0, "a");
            harness.prepareSnapshotPreBarrier(2);
            harness.prepareSnapshotPreBarrier(3);
            writerSends(harness, 4, 1, "b");
            harness.prepareSnapshotPreBarrier(4);

            List<CommitBundle> bundles = bundles(harness);
            assertThat(bundles).extracting(CommitBundle::version).containsExactly(2L, 4L);
            assertThat(bundles).extracting(CommitBundle::previousVersion).containsExactly(-1L, 2L);
            assertThat(bundles.get(1).applicationId()).isEqualTo(bundles.get(0).applicationId());
        }
    }

    @Test
    void aRestoreKeepsTheApplicationIdAndTheVersionChainButAFreshStartBeginsANewOne() throws Exception {
        OperatorSubtaskState state;
        String applicationId;
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 5, 0, "a");
            harness.prepareSnapshotPreBarrier(5);
            state = harness.snapshot(5, 0);
            applicationId = bundles(harness).get(0).applicationId();
        }

        try (var restored = harness(); var fresh = harness()) {
            restored.initializeState(state);
            restored.open();
            fresh.open();
            writerSends(restored, 6, 0, "b");
            writerSends(fresh, 1, 0, "c");
            restored.prepareSnapshotPreBarrier(6);
            fresh.prepareSnapshotPreBarrier(1);

            CommitBundle continued = bundles(restored).get(0);
            assertThat(continued.applicationId()).isEqualTo(applicationId);
            assertThat(continued.previousVersion()).isEqualTo(5);
            assertThat(bundles(fresh).get(0).applicationId()).isNotEqualTo(applicationId).startsWith("sensor-stats-");
        }
    }

    @Test
    void filesNotYetBundledSurviveASnapshot() throws Exception {
        OperatorSubtaskState state;
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 7, 1, "late");
            state = harness.snapshot(7, 0);
        }

        try (var restored = harness()) {
            restored.initializeState(state);
            restored.open();
            restored.prepareSnapshotPreBarrier(8);

            assertThat(bundles(restored).get(0).files()).extracting(DataFile::path).containsExactly("file:/t/late");
        }
    }

    @Test
    void theEndOfInputBundleOfARestoredBundlerIsNamedByTheCheckpointAfterTheRestoredOne() throws Exception {
        OperatorSubtaskState state;
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 7, 0, "a");
            harness.prepareSnapshotPreBarrier(7);
            state = harness.snapshot(7, 0);
        }

        try (var restored = harness()) {
            restored.initializeState(state);
            restored.open();
            restored.processElement(new StreamRecord<>(new CommittableWithLineage<>(file("b"), Long.MAX_VALUE, 0)));
            restored.endInput();

            CommittableSummary<CommitBundle> summary =
                    (CommittableSummary<CommitBundle>) restored.extractOutputValues().get(0);
            assertThat(summary.getCheckpointId()).as("a savepoint at 8 or later commits it at restore").hasValue(8);
            assertThat(bundles(restored).get(0).version()).isEqualTo(8);
            assertThat(bundles(restored).get(0).previousVersion()).isEqualTo(7);
        }
    }

    @Test
    void theEndOfInputBundlesTheRestAsTheVersionAfterTheLast() throws Exception {
        try (var harness = harness()) {
            harness.open();
            writerSends(harness, 9, 0, "a");
            harness.prepareSnapshotPreBarrier(9);
            writerSends(harness, Long.MAX_VALUE, 0, "b");

            harness.endInput();

            List<CommitBundle> bundles = bundles(harness);
            assertThat(bundles.get(1).version()).isEqualTo(10);
            assertThat(bundles.get(1).previousVersion()).isEqualTo(9);
            CommittableSummary<CommitBundle> summary =
                    (CommittableSummary<CommitBundle>) harness.extractOutputValues().get(2);
            assertThat(summary.getCheckpointId())
                    .as("the checkpoint after the last, which the final checkpoint's id is at least")
                    .hasValue(10);
        }
    }
}
