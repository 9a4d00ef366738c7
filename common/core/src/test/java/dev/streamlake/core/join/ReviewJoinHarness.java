package dev.streamlake.core.join;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The join in Flink's keyed two-input harness, with reviews as plain strings {@code "user/review"}
 * on the left, user rows as strings and outputs {@code "user/review -> row"} (or {@code -> NO_VERSION},
 * {@code -> DELETED}). Generic types are off, so any state that fell back to Kryo fails.
 */
// Closes Flink's harness, whose close() throws InterruptedException, which javac's try lint flags.
@SuppressWarnings("try")
final class ReviewJoinHarness implements AutoCloseable {

    static final RowVersionTypeInfo<String, String> VERSION_TYPE = RowVersion.typeInfo(Types.STRING, Types.STRING);

    final AsOfJoinOperator<String, String, String, String> operator;
    final KeyedTwoInputStreamOperatorTestHarness<String, String, RowVersion<String, String>, String> harness;

    /** Key groups, as a job's default maximum parallelism gives them. */
    static final int MAX_PARALLELISM = 128;

    private ReviewJoinHarness(
            Joins joins, Duration retention, Duration maxWait, OperatorSubtaskState restored, int parallelism, int subtask)
            throws Exception {
        operator = new AsOfJoinOperator<>(
                Types.STRING, VERSION_TYPE, retention, maxWait, joins.heldKeys, ReviewJoinHarness::describe);
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                operator, ReviewJoinHarness::userOf, RowVersion::key, Types.STRING,
                MAX_PARALLELISM, parallelism, subtask);
        if (joins.backend != null) {
            harness.setStateBackend(joins.backend.get());
        }
        harness.getExecutionConfig().getSerializerConfig().setGenericTypes(false);
        harness.setup();
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        harness.setProcessingTime(0);
    }

    /** Makes joins on one state backend, holding up to so many keys in memory. */
    static final class Joins {

        /** Flink's harness default, heap state: every key is held. */
        static final Joins HEAP = new Joins(null, AsOfJoinOperator.DEFAULT_HELD_KEYS);

        private final Supplier<StateBackend> backend;
        private final int heldKeys;

        Joins(Supplier<StateBackend> backend, int heldKeys) {
            this.backend = backend;
            this.heldKeys = heldKeys;
        }

        ReviewJoinHarness withRetention(Duration retention) throws Exception {
            return new ReviewJoinHarness(this, retention, null, null, 1, 0);
        }

        ReviewJoinHarness withWaitBound(Duration retention, Duration maxWait) throws Exception {
            return new ReviewJoinHarness(this, retention, maxWait, null, 1, 0);
        }

        ReviewJoinHarness restored(Duration retention, OperatorSubtaskState state) throws Exception {
            return new ReviewJoinHarness(this, retention, null, state, 1, 0);
        }

        /** One of the join's parallel subtasks; it takes only the keys of its key groups. */
        ReviewJoinHarness subtask(Duration retention, int parallelism, int subtask) throws Exception {
            return new ReviewJoinHarness(this, retention, null, null, parallelism, subtask);
        }
    }

    /** A user whose reviews go to the subtask. */
    static String userOfSubtask(int parallelism, int subtask) {
        for (int n = 0; ; n++) {
            String user = "user" + n;
            if (KeyGroupRangeAssignment.assignKeyToParallelOperator(user, MAX_PARALLELISM, parallelism) == subtask) {
                return user;
            }
        }
    }

    static String describe(String review, String row, AsOfMatch match) {
        return review + " -> " + (match == AsOfMatch.FOUND ? row : match.name());
    }

    static String userOf(String review) {
        return review.substring(0, review.indexOf('/'));
    }

    void review(String review, long time) throws Exception {
        harness.processElement1(review, time);
    }

    void version(String user, long validFrom, String row) throws Exception {
        harness.processElement2(RowVersion.of(user, validFrom, row), validFrom);
    }

    void deleted(String user, long validFrom) throws Exception {
        harness.processElement2(RowVersion.deleted(user, validFrom), validFrom);
    }

    /** Moves the watermark of both inputs. */
    void watermark(long time) throws Exception {
        harness.processBothWatermarks(new Watermark(time));
    }

    void reviewsWatermark(long time) throws Exception {
        harness.processWatermark1(new Watermark(time));
    }

    void changelogWatermark(long time) throws Exception {
        harness.processWatermark2(new Watermark(time));
    }

    /** The changelog's source declares it idle, as its idleness does when no change came for a while. */
    void changelogIdle() throws Exception {
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
    }

    void processingTime(long time) throws Exception {
        harness.setProcessingTime(time);
    }

    List<String> joined() {
        return harness.extractOutputValues();
    }

    /** The timestamp each output carries; null where it has none. */
    List<Long> timestamps() {
        return harness.extractOutputStreamRecords().stream()
                .map(record -> record.hasTimestamp() ? record.getTimestamp() : null)
                .collect(Collectors.toList());
    }

    List<String> tooLate() {
        return harness.getSideOutput(operator.tooLate()) == null
                ? List.of()
                : harness.getSideOutput(operator.tooLate()).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    long count(String metric) {
        return operator.count(metric);
    }

    /** The versions the join keeps for the user, oldest first, as written at the next barrier. */
    List<RowVersion<String, String>> versionsOf(String user) throws Exception {
        writeHeldState();
        ValueStateDescriptor<AsOfKeyState<String, String, String>> descriptor = new ValueStateDescriptor<>(
                AsOfJoinOperator.KEY_STATE, new AsOfKeyStateTypeInfo<>(Types.STRING, VERSION_TYPE));
        descriptor.initializeSerializerUnlessSet(harness.getExecutionConfig());
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(user);
        ValueState<AsOfKeyState<String, String, String>> state =
                backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
        return state.value() == null ? List.of() : state.value().versions;
    }

    /** The keys with state, as written at the next barrier. */
    int stateEntries() throws Exception {
        writeHeldState();
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(AsOfJoinOperator.KEY_STATE, VoidNamespace.INSTANCE)) {
            return (int) keys.count();
        }
    }

    /** Deadlines the join has listed and that have not come, and Flink event-time timers (the keys' expiry). */
    int pendingDeadlines() {
        return operator.pendingDeadlines() + harness.numEventTimeTimers();
    }

    int processingTimeTimers() {
        return harness.numProcessingTimeTimers();
    }

    /** What the join does before a checkpoint barrier: it writes the keys it holds to keyed state. */
    private void writeHeldState() throws Exception {
        harness.prepareSnapshotPreBarrier(0);
    }

    /** A checkpoint, with what the runtime does before its barrier (Flink's harness leaves that out). */
    OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        harness.prepareSnapshotPreBarrier(checkpointId);
        return harness.snapshot(checkpointId, checkpointId);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
