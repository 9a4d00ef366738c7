package dev.streamlake.core.join;

import dev.streamlake.core.watermark.FlooredWatermark;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins each left record with its key's row as it was at the record's event time: the latest
 * {@link RowVersion} whose valid-from is at or before it (a left outer join; docs/writing-a-job.md
 * compares it with Flink SQL's {@code FOR SYSTEM_TIME AS OF}).
 *
 * <p><b>Waiting.</b> A left record waits in keyed state until the watermark passes its time (an
 * event-time timer per distinct time): Flink's watermark of this step is the lower of both inputs',
 * so every version up to the record's time has arrived by then, and the result depends on the
 * data only. An idle changelog (its source's idleness) does not count in that watermark, so it
 * does not hold the join. A changelog that lags without being idle would; {@code maxWait}
 * (processing time) bounds that: a record that has waited that long is joined with the versions
 * known then and counted ({@value #EMITTED_BY_WAIT_BOUND}). That trades exactness for latency, and
 * Flink erases the timestamp of what a processing-time timer emits, so those outputs carry none.
 *
 * <p><b>Too late.</b> A left record at or behind the watermark when it arrives goes to {@link
 * #tooLate} and is counted: the versions it needs may have been dropped. The watermark this
 * compares with is kept across restores (union operator state, the lowest any subtask had), since
 * Flink starts watermarks afresh after a recovery and a replayed record must be judged as it was
 * the first time.
 *
 * <p><b>Versions kept.</b> After a watermark only the latest version at or before it, and every
 * later one, can still be needed. A version arriving with a valid-from before that kept one is
 * dropped and counted ({@value #LATE_VERSIONS}); one between the kept one and the watermark
 * replaces it ({@value #LATE_VERSIONS_APPLIED}). Ties at one valid-from: the later arrival wins.
 * Versions no longer needed are dropped when the key next has a version or a timer, not by a
 * timer of their own: a key left alone keeps them until it expires, and a pruning timer per
 * version was an eighth of the join's time (the benchmark's P segment).
 *
 * <p><b>Expiry.</b> A version counts for {@code retention} (event time) after its valid-from: a
 * record more than that after its key's last change before it finds no version. Applied as a rule
 * at every lookup, so a result does not depend on when the state was cleared; the state of a key
 * goes once the watermark is {@code retention} past its newest version and no waiting record can
 * still use it.
 *
 * <p><b>State.</b> Two values per key: its versions, and its waiting records with its timers
 * ({@link AsOfKeyState}). A record arriving reads and writes the second only; a timer reads both.
 *
 * <p>Why a function and not an operator: all of it is keyed state and timers of Flink's keyed
 * co-process operator. Two things it cannot do: see watermarks itself (it reads the watermark where
 * it has a record or a timer, enough for the too-late floor), and set timestamps on what a
 * processing-time timer emits.
 *
 * @param <K> the key
 * @param <L> the left record
 * @param <V> the row
 * @param <O> the output
 */
public final class AsOfJoinFunction<K, L, V, O> extends KeyedCoProcessFunction<K, L, RowVersion<K, V>, O>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final String JOINED = "joined";
    public static final String WITHOUT_VERSION = "withoutVersion";
    public static final String DELETED_BEFORE = "deletedBefore";
    public static final String EMITTED_BY_WAIT_BOUND = "emittedByWaitBound";
    public static final String TOO_LATE = "tooLateLeftRecords";
    public static final String LATE_VERSIONS = "lateVersions";
    public static final String LATE_VERSIONS_APPLIED = "lateVersionsApplied";
    public static final String EXPIRED_KEYS = "expiredKeys";

    /** The names are part of savepoints: they must not change. */
    static final String VERSIONS_STATE = "versions";
    static final String KEY_STATE = "as-of-join-key";
    static final String WATERMARK_STATE = "as-of-join-watermark";

    private static final long NO_BOUND = -1;

    private final TypeInformation<L> leftType;
    private final RowVersionTypeInfo<K, V> versionType;
    private final long retention;
    private final long maxWait;
    private final AsOfJoinOutput<L, V, O> output;
    private final OutputTag<L> tooLate;

    /** The key's versions by valid-from, oldest first. */
    private transient ValueState<List<RowVersion<K, V>>> versions;
    /** The key's waiting left records and its timers (see {@link AsOfKeyState}). */
    private transient ValueState<AsOfKeyState<L>> keyState;

    /** The highest watermark seen, never below the restored one: what decides that a left record is too late. */
    private transient FlooredWatermark watermarkFloor;

    private transient Counter joined;
    private transient Counter withoutVersion;
    private transient Counter deletedBefore;
    private transient Counter emittedByWaitBound;
    private transient Counter tooLateRecords;
    private transient Counter lateVersions;
    private transient Counter lateVersionsApplied;
    private transient Counter expiredKeys;
    /** Every counter above by its metric's name. */
    private transient Map<String, Counter> counters;

    /**
     * @param leftType the left records' type, for the state they wait in and the too-late output
     * @param versionType the versions' type ({@link RowVersion#typeInfo})
     * @param retention how long after its valid-from a version still counts (event time)
     * @param maxWait how long a left record waits for the watermark at most (processing time); null for no bound
     * @param output makes the output of a left record and the row it found
     */
    public AsOfJoinFunction(
            TypeInformation<L> leftType,
            RowVersionTypeInfo<K, V> versionType,
            Duration retention,
            Duration maxWait,
            AsOfJoinOutput<L, V, O> output) {
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.versionType = Objects.requireNonNull(versionType, "versionType");
        this.retention = positiveMillis(Objects.requireNonNull(retention, "retention"), "retention");
        this.maxWait = maxWait == null ? NO_BOUND : positiveMillis(maxWait, "maxWait");
        this.output = Objects.requireNonNull(output, "output");
        this.tooLate = tooLateTag(leftType);
    }

    /** The side output of left records that came too late to be joined. */
    public static <L> OutputTag<L> tooLateTag(TypeInformation<L> leftType) {
        return new OutputTag<>("too-late-left-records", leftType);
    }

    public OutputTag<L> tooLate() {
        return tooLate;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        watermarkFloor = FlooredWatermark.restore(context, WATERMARK_STATE);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        watermarkFloor.snapshot();
    }

    @Override
    public void open(OpenContext openContext) {
        versions = getRuntimeContext().getState(
                new ValueStateDescriptor<>(VERSIONS_STATE, new ListTypeInfo<>(versionType)));
        keyState = getRuntimeContext().getState(new ValueStateDescriptor<>(KEY_STATE, new AsOfKeyStateTypeInfo<>(leftType)));

        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        counters = new HashMap<>();
        joined = counter(metrics, JOINED);
        withoutVersion = counter(metrics, WITHOUT_VERSION);
        deletedBefore = counter(metrics, DELETED_BEFORE);
        emittedByWaitBound = counter(metrics, EMITTED_BY_WAIT_BOUND);
        tooLateRecords = counter(metrics, TOO_LATE);
        lateVersions = counter(metrics, LATE_VERSIONS);
        lateVersionsApplied = counter(metrics, LATE_VERSIONS_APPLIED);
        expiredKeys = counter(metrics, EXPIRED_KEYS);
    }

    @Override
    public void processElement1(L left, Context context, Collector<O> out) throws Exception {
        Long timestamp = context.timestamp();
        if (timestamp == null) {
            throw new IllegalStateException("a left record has no event time; assign timestamps before the as-of join");
        }
        long time = timestamp;
        if (time <= observeWatermark(context.timerService())) {
            tooLateRecords.inc();
            context.output(tooLate, left);
            return;
        }
        long now = context.timerService().currentProcessingTime();
        AsOfKeyState<L> state = stateOrNew();
        state.await(new AsOfKeyState.Waiting<>(time, now, left));
        context.timerService().registerEventTimeTimer(time);
        if (maxWait != NO_BOUND && state.waitTimer == AsOfKeyState.NONE) {
            state.waitTimer = now + maxWait;
            context.timerService().registerProcessingTimeTimer(state.waitTimer);
        }
        keyState.update(state);
    }

    @Override
    public void processElement2(RowVersion<K, V> version, Context context, Collector<O> out) throws Exception {
        long watermark = observeWatermark(context.timerService());
        List<RowVersion<K, V>> known = versions.value();
        boolean firstVersion = known == null || known.isEmpty();
        if (firstVersion) {
            known = new ArrayList<>(2);
        }
        // Every waiting record is after the watermark (its timer would have fired), so none needs more.
        boolean pruned = keepOnlyNeeded(known, watermark);
        RowVersion<K, V> kept = known.isEmpty() || known.get(0).validFrom() > watermark ? null : known.get(0);
        if (kept != null && version.validFrom() < kept.validFrom()) {
            lateVersions.inc();
            if (pruned) {
                versions.update(known);
            }
            return;
        }
        if (version.validFrom() <= watermark) {
            lateVersionsApplied.inc();
        }
        insert(known, version, watermark);
        versions.update(known);
        if (firstVersion) {
            // The key's first version, or its first since it expired.
            AsOfKeyState<L> state = stateOrNew();
            state.expiryTimer = expiresAt(known.get(known.size() - 1));
            context.timerService().registerEventTimeTimer(state.expiryTimer);
            keyState.update(state);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<O> out) throws Exception {
        AsOfKeyState<L> state = keyState.value();
        if (state == null) {
            return; // the timer of a record the wait bound emitted, and the key has gone since
        }
        if (context.timeDomain() == TimeDomain.PROCESSING_TIME) {
            emitRecordsWaitedTooLong(state, context.timerService(), out);
            save(state);
            return;
        }
        long watermark = observeWatermark(context.timerService());
        List<RowVersion<K, V>> known = knownVersions();
        // Timers fire in time order and every waiting record has one at its time: the due ones are first.
        List<AsOfKeyState.Waiting<L>> waiting = state.waiting;
        int due = 0;
        while (due < waiting.size() && waiting.get(due).time <= timestamp) {
            AsOfKeyState.Waiting<L> record = waiting.get(due++);
            emit(record.record, record.time, known, out);
        }
        waiting.subList(0, due).clear();
        // The wait-bound timer stays (see emitRecordsWaitedTooLong).
        boolean noneWaiting = waiting.isEmpty();
        if (!known.isEmpty()) {
            rollExpiry(state, known, timestamp, watermark, noneWaiting, context.timerService());
        }
        save(state);
    }

    /**
     * Clears the key's versions once no record to come can use them, or else drops those no
     * waiting record needs and keeps an expiry timer ahead of the watermark.
     */
    private void rollExpiry(AsOfKeyState<L> state, List<RowVersion<K, V>> known, long timestamp, long watermark,
            boolean noneWaiting, TimerService timers) throws Exception {
        long expiresAt = expiresAt(known.get(known.size() - 1));
        // A record still waiting is after this timer's time (every record's timer stays).
        if (watermark >= expiresAt && (noneWaiting || timestamp >= expiresAt)) {
            // All records to come are after the watermark, past the expiry.
            versions.clear();
            state.expiryTimer = AsOfKeyState.NONE;
            expiredKeys.inc();
            return;
        }
        // A record still waiting needs the version at this timer's time or a later one.
        if (keepOnlyNeeded(known, noneWaiting ? watermark : timestamp)) {
            versions.update(known);
        }
        if (state.expiryTimer == AsOfKeyState.NONE || state.expiryTimer <= watermark) {
            state.expiryTimer = expiresAt;
            timers.registerEventTimeTimer(expiresAt);
        }
    }

    /**
     * The wait bound: records that arrived {@code maxWait} ago or earlier are joined with what is
     * known now. The key's one timer is not deleted when the watermark releases its records
     * first: it fires, finds none overdue, and moves on to the next record still waiting, if any.
     * Deleting it and registering another for the next record cost two changes of Flink's timer
     * queue per record (with RocksDB two writes), where most keys now register one timer per
     * {@code maxWait}.
     */
    private void emitRecordsWaitedTooLong(AsOfKeyState<L> state, TimerService timers, Collector<O> out)
            throws Exception {
        long arrivedBy = timers.currentProcessingTime() - maxWait;
        long nextDeadline = Long.MAX_VALUE;
        List<RowVersion<K, V>> known = null;
        for (Iterator<AsOfKeyState.Waiting<L>> records = state.waiting.iterator(); records.hasNext(); ) {
            AsOfKeyState.Waiting<L> record = records.next();
            if (record.arrivedAt <= arrivedBy) {
                emittedByWaitBound.inc();
                // Its event-time timer stays: deleting it could delete the key's expiry timer at the same time.
                records.remove();
                if (known == null) {
                    known = knownVersions();
                }
                emit(record.record, record.time, known, out);
            } else {
                nextDeadline = Math.min(nextDeadline, record.arrivedAt + maxWait);
            }
        }
        state.waitTimer = AsOfKeyState.NONE;
        if (nextDeadline != Long.MAX_VALUE) {
            state.waitTimer = nextDeadline;
            timers.registerProcessingTimeTimer(nextDeadline);
        }
    }

    private void emit(L left, long time, List<RowVersion<K, V>> known, Collector<O> out) {
        RowVersion<K, V> version = versionAt(known, time);
        if (version == null || time >= expiresAt(version)) {
            withoutVersion.inc();
            out.collect(output.join(left, null, AsOfMatch.NO_VERSION));
        } else if (version.isDeleted()) {
            deletedBefore.inc();
            out.collect(output.join(left, null, AsOfMatch.DELETED));
        } else {
            joined.inc();
            out.collect(output.join(left, version.row(), AsOfMatch.FOUND));
        }
    }

    /** The latest version at or before the time; null if there is none. */
    private static <K, V> RowVersion<K, V> versionAt(List<RowVersion<K, V>> known, long time) {
        for (int i = known.size() - 1; i >= 0; i--) {
            if (known.get(i).validFrom() <= time) {
                return known.get(i);
            }
        }
        return null;
    }

    /**
     * Drops the versions before the latest one at or before {@code time}: no record at or after
     * that time can find them. Returns whether any went.
     */
    private static <K, V> boolean keepOnlyNeeded(List<RowVersion<K, V>> known, long time) {
        int latestAtOrBefore = -1;
        while (latestAtOrBefore + 1 < known.size() && known.get(latestAtOrBefore + 1).validFrom() <= time) {
            latestAtOrBefore++;
        }
        if (latestAtOrBefore <= 0) {
            return false;
        }
        known.subList(0, latestAtOrBefore).clear();
        return true;
    }

    /**
     * Puts the version in valid-from order, in place of one with the same valid-from (it arrived
     * later) and, if it is at or before the watermark, in place of the kept one.
     */
    private static <K, V> void insert(List<RowVersion<K, V>> known, RowVersion<K, V> version, long watermark) {
        int at = 0;
        while (at < known.size() && known.get(at).validFrom() < version.validFrom()) {
            at++;
        }
        if (at < known.size() && known.get(at).validFrom() == version.validFrom()) {
            known.set(at, version);
        } else {
            known.add(at, version);
        }
        if (version.validFrom() <= watermark) {
            keepOnlyNeeded(known, watermark);
        }
    }

    private AsOfKeyState<L> stateOrNew() throws Exception {
        AsOfKeyState<L> state = keyState.value();
        return state == null ? new AsOfKeyState<>() : state;
    }

    private List<RowVersion<K, V>> knownVersions() throws Exception {
        List<RowVersion<K, V>> known = versions.value();
        return known == null ? List.of() : known;
    }

    /** Writes the key's state back, or clears it when nothing is left. */
    private void save(AsOfKeyState<L> state) throws Exception {
        if (state.isEmpty()) {
            keyState.clear();
        } else {
            keyState.update(state);
        }
    }

    private long expiresAt(RowVersion<K, V> version) {
        long validFrom = version.validFrom();
        return validFrom > Long.MAX_VALUE - retention ? Long.MAX_VALUE : validFrom + retention;
    }

    private long observeWatermark(TimerService timers) {
        watermarkFloor.takeRestoredFloor();
        watermarkFloor.advance(timers.currentWatermark());
        return watermarkFloor.current();
    }

    private static long positiveMillis(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration.toMillis();
    }

    private Counter counter(MetricGroup metrics, String name) {
        Counter counter = metrics.counter(name);
        counters.put(name, counter);
        return counter;
    }

    /** A counter's count, for tests: Flink's two-input harness gives a function metrics that cannot be read back. */
    long count(String metric) {
        Counter counter = counters.get(metric);
        if (counter == null) {
            throw new IllegalArgumentException("no such metric: " + metric);
        }
        return counter.getCount();
    }
}
