package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LaneReaderTest {

    @Test
    void aReaderRestoredWithTwoLanesEmitsEveryRemainingRecordOfBothInAscendingIndexOrder() throws Exception {
        List<NumberSequenceSplit> lanes = GeneratorLanes.splits(2, 40);
        CountingReaderContext context = new CountingReaderContext(0, 1);
        LaneReader<Long> reader = boundedReader(context);
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();

        restore(reader, List.of(skip(lanes.get(0), 5), skip(lanes.get(1), 3)));
        reader.notifyNoMoreSplits();

        assertThat(readAll(reader, output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records())
                .containsExactlyElementsOf(indices(LongStream.range(7, 40).filter(i -> i % 2 == 1 || i >= 10)));
        assertThat(context.splitRequests()).as("asks once at start, even when restored with lanes").isEqualTo(1);
    }

    @Test
    void anEndlessLaneDoesNotKeepARestoredReaderFromItsOtherLane() {
        List<NumberSequenceSplit> lanes = GeneratorLanes.splits(2, 0);
        LaneReader<Long> reader = endlessReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();

        restore(reader, List.of(skip(lanes.get(0), 100), skip(lanes.get(1), 90)));
        read(reader, output, 300);

        assertThat(output.records())
                .containsExactlyElementsOf(
                        indices(LongStream.iterate(181, i -> i + 1).filter(i -> i % 2 == 1 || i >= 200).limit(300)));
    }

    @Test
    void eachRecordGoesThroughItsLanesOutputAndAReadLaneReleasesIt() throws Exception {
        LaneReader<Long> reader = boundedReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();

        restore(reader, GeneratorLanes.splits(2, 7));
        reader.notifyNoMoreSplits();
        readAll(reader, output);

        assertThat(output.recordsOf("0")).containsExactly(0L, 2L, 4L, 6L);
        assertThat(output.recordsOf("1")).containsExactly(1L, 3L, 5L);
        assertThat(output.recordsOf(RecordingReaderOutput.MAIN_OUTPUT)).isEmpty();
        assertThat(output.releasedSplits()).containsExactly("1", "0");
    }

    @ParameterizedTest(name = "restored at parallelism {0}")
    @ValueSource(ints = {1, 3})
    void lanesSnapshottedMidwayAtParallelismTwoAreReadExactlyOnceAfterARestoreAtAnotherParallelism(int parallelism)
            throws Exception {
        long count = 101;
        List<NumberSequenceSplit> lanes = GeneratorLanes.splits(2, count);
        List<Long> emitted = new ArrayList<>();
        List<NumberSequenceSplit> snapshot = new ArrayList<>();
        int[] readBeforeSnapshot = {17, 30};
        for (int subtask = 0; subtask < 2; subtask++) {
            LaneReader<Long> reader = boundedReader(new CountingReaderContext(subtask, 2));
            RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
            reader.start();
            reader.addSplits(List.of(lanes.get(subtask)));
            read(reader, output, readBeforeSnapshot[subtask]);
            emitted.addAll(output.records());
            snapshot.addAll(reader.snapshotState(1));
        }

        for (int subtask = 0; subtask < parallelism; subtask++) {
            LaneReader<Long> reader = boundedReader(new CountingReaderContext(subtask, parallelism));
            RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
            restore(reader, splitsOfSubtask(snapshot, subtask, parallelism));
            reader.notifyNoMoreSplits();

            assertThat(readAll(reader, output)).isEqualTo(InputStatus.END_OF_INPUT);
            assertThat(output.records()).isSorted();
            emitted.addAll(output.records());
        }

        assertThat(emitted).containsExactlyInAnyOrderElementsOf(indices(LongStream.range(0, count)));
    }

    @Test
    void aPausedLaneIsSkippedAndItsRecordsFollowWhenItIsResumed() throws Exception {
        LaneReader<Long> reader = boundedReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        restore(reader, GeneratorLanes.splits(2, 20));
        reader.notifyNoMoreSplits();
        read(reader, output, 4);

        reader.pauseOrResumeSplits(List.of("1"), List.of());

        assertThat(readAll(reader, output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isNotDone();
        assertThat(output.records()).containsExactly(0L, 1L, 2L, 3L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L);

        reader.pauseOrResumeSplits(List.of(), List.of("1"));

        assertThat(reader.isAvailable()).isDone();
        assertThat(readAll(reader, output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records().subList(12, output.records().size()))
                .containsExactly(5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L);
    }

    @Test
    void aLanePausedWhileItsRecordIsEmittedGoesOnAfterThatRecordWhenResumed() throws Exception {
        LaneReader<Long> reader = boundedReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        restore(reader, GeneratorLanes.splits(2, 12));
        reader.notifyNoMoreSplits();
        output.whenRecording(
                record -> {
                    if (record == 4L) {
                        reader.pauseOrResumeSplits(List.of("0"), List.of());
                    }
                });

        assertThat(readAll(reader, output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        reader.pauseOrResumeSplits(List.of(), List.of("0"));
        assertThat(readAll(reader, output)).isEqualTo(InputStatus.END_OF_INPUT);

        assertThat(output.records()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 7L, 9L, 11L, 6L, 8L, 10L);
    }

    @Test
    void aReaderWithAllLanesPausedHasNothingAvailableUntilOneIsResumed() {
        LaneReader<Long> reader = endlessReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        restore(reader, GeneratorLanes.splits(2, 0));

        reader.pauseOrResumeSplits(List.of("0", "1"), List.of());

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isNotDone();
        assertThat(output.records()).isEmpty();

        reader.pauseOrResumeSplits(List.of(), List.of("1"));

        assertThat(reader.isAvailable()).isDone();
        read(reader, output, 2);
        assertThat(output.records()).containsExactly(1L, 3L);
    }

    @Test
    void pausingOrResumingALaneTheReaderDoesNotHoldChangesNothing() {
        LaneReader<Long> reader = endlessReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        restore(reader, List.of(GeneratorLanes.splits(2, 0).get(0)));

        reader.pauseOrResumeSplits(List.of("1"), List.of("3"));
        read(reader, output, 2);

        assertThat(output.records()).containsExactly(0L, 2L);
        assertThat(reader.snapshotState(1)).extracting(NumberSequenceSplit::splitId).containsExactly("0");
    }

    @Test
    void aBoundedReaderAsksForMoreWhenItsLanesAreReadAndEndsWhenNoMoreSplitsCome() throws Exception {
        CountingReaderContext context = new CountingReaderContext(0, 2);
        LaneReader<Long> reader = boundedReader(context);
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        reader.start();
        reader.addSplits(List.of(GeneratorLanes.splits(2, 6).get(0)));

        assertThat(readAll(reader, output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(context.splitRequests()).isEqualTo(2);
        assertThat(reader.snapshotState(1)).isEmpty();

        reader.notifyNoMoreSplits();

        assertThat(reader.isAvailable()).isDone();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records()).containsExactly(0L, 2L, 4L);
    }

    @Test
    void aBoundedReaderLeftWithoutLanesAfterAScaleUpEndsAtNoMoreSplits() {
        LaneReader<Long> reader = boundedReader(new CountingReaderContext(2, 3));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        reader.start();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        reader.notifyNoMoreSplits();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records()).isEmpty();
    }

    @Test
    void anEndlessReaderLeftWithoutLanesAfterAScaleUpWaitsAndIsIdle() {
        LaneReader<Long> reader = endlessReader(new CountingReaderContext(2, 3));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        reader.start();
        reader.notifyNoMoreSplits();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isNotDone();
        assertThat(output.isIdle()).isTrue();
        assertThat(output.records()).isEmpty();
    }

    @Test
    void theRecordFunctionIsOpenedAtStartAndClosedWithTheReader() throws Exception {
        OpenTrackingFunction function = new OpenTrackingFunction();
        LaneReader<Long> reader = new LaneReader<>(new CountingReaderContext(0, 1), function, true);

        reader.start();
        assertThat(function.open).isTrue();

        reader.close();
        assertThat(function.open).isFalse();
    }

    private static LaneReader<Long> boundedReader(SourceReaderContext context) {
        return new LaneReader<>(context, index -> index, false);
    }

    private static LaneReader<Long> endlessReader(SourceReaderContext context) {
        return new LaneReader<>(context, index -> index, true);
    }

    /** As the source operator restores a reader: its splits come before it starts. */
    private static void restore(LaneReader<Long> reader, List<NumberSequenceSplit> splits) {
        if (!splits.isEmpty()) {
            reader.addSplits(splits);
        }
        reader.start();
    }

    /** The share of the snapshot that Flink's even redistribution of operator state gives a subtask. */
    private static List<NumberSequenceSplit> splitsOfSubtask(
            List<NumberSequenceSplit> snapshot, int subtask, int parallelism) {
        List<NumberSequenceSplit> share = new ArrayList<>();
        for (int i = subtask; i < snapshot.size(); i += parallelism) {
            share.add(snapshot.get(i));
        }
        return share;
    }

    private static NumberSequenceSplit skip(NumberSequenceSplit lane, long steps) {
        return new NumberSequenceSplit(lane.splitId(), lane.from() + steps, lane.to());
    }

    private static void read(LaneReader<Long> reader, RecordingReaderOutput<Long> output, int records) {
        for (int i = 0; i < records; i++) {
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        }
    }

    /** Polls while the reader has more, as the source operator does; the status it stopped at. */
    private static InputStatus readAll(LaneReader<Long> reader, RecordingReaderOutput<Long> output) {
        InputStatus status;
        do {
            status = reader.pollNext(output);
        } while (status == InputStatus.MORE_AVAILABLE);
        return status;
    }

    private static List<Long> indices(LongStream indices) {
        return indices.boxed().collect(Collectors.toList());
    }

    private static final class OpenTrackingFunction implements GeneratorFunction<Long, Long> {

        private static final long serialVersionUID = 1L;

        private boolean open;

        @Override
        public void open(SourceReaderContext readerContext) {
            open = true;
        }

        @Override
        public Long map(Long index) {
            return index;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
