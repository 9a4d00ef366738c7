package dev.streamlake.core.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class WatermarkFloorTest {

    @Test
    void forwardsRecordsAndOnlyWatermarksThatMoveEventTimeForward() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>())) {
            harness.open();
            harness.processWatermark(100);
            harness.processElement(new StreamRecord<>("a", 90));
            harness.processWatermark(80);
            harness.processWatermark(120);

            assertThat(outputOf(harness)).containsExactly(new Watermark(100), "a", new Watermark(120));
        }
    }

    @Test
    void reEmitsTheCheckpointedWatermarkBeforeTheFirstRecordAfterARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>())) {
            harness.open();
            harness.processWatermark(100);
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>())) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processWatermark(40);
            restored.processElement(new StreamRecord<>("replayed", 60));
            restored.processWatermark(110);

            assertThat(outputOf(restored)).containsExactly(new Watermark(100), "replayed", new Watermark(110));
        }
    }

    @Test
    void aRecordAfterARestoreMeetsTheFloorThoughNoSourceHasSentAWatermarkYet() throws Exception {
        OperatorSubtaskState snapshot = snapshotAfterWatermark(0, 500);

        try (var restored = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>(), 128, 2, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(new StreamRecord<>("a day old", 10));
            restored.processWatermark(300);
            restored.processWatermark(600);

            assertThat(outputOf(restored)).containsExactly(new Watermark(500), "a day old", new Watermark(600));
        }
    }

    @Test
    void theEndOfInputMovesEventTimeToItsEndThoughTheInputWentIdleBefore() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>())) {
            harness.open();
            harness.processWatermark(100);
            harness.processWatermarkStatus(WatermarkStatus.IDLE);
            harness.endInput();

            assertThat(outputOf(harness)).containsExactly(
                    new Watermark(100), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, Watermark.MAX_WATERMARK);
        }
    }

    @Test
    void takesTheLowestWatermarkOfAllSubtasksWhenRescaled() throws Exception {
        OperatorSubtaskState first = snapshotAfterWatermark(0, 300);
        OperatorSubtaskState second = snapshotAfterWatermark(1, 200);
        OperatorSubtaskState merged = AbstractStreamOperatorTestHarness.repackageState(first, second);

        try (var restored = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>(), 1, 1, 0)) {
            restored.initializeState(
                    AbstractStreamOperatorTestHarness.repartitionOperatorState(merged, 128, 2, 1, 0));
            restored.open();
            restored.processElement(new StreamRecord<>("x", 250));

            assertThat(outputOf(restored)).containsExactly(new Watermark(200), "x");
        }
    }

    private static OperatorSubtaskState snapshotAfterWatermark(int subtask, long watermark) throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new WatermarkFloor<String>(), 128, 2, subtask)) {
            harness.open();
            harness.processWatermark(watermark);
            return harness.snapshot(1, 1);
        }
    }

    private static List<Object> outputOf(OneInputStreamOperatorTestHarness<String, String> harness) {
        List<Object> out = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            out.add(element instanceof StreamRecord ? ((StreamRecord<?>) element).getValue() : element);
        }
        return out;
    }
}
