package dev.streamlake.core.join;

import dev.streamlake.core.state.HeldKeyedState;
import dev.streamlake.core.state.HeldValues;
import dev.streamlake.core.state.KeyDeadlines;
import dev.streamlake.core.watermark.FlooredWatermark;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins each left record with its key's row as it was at the record's event time: the latest
 * {@link RowVersion} whose valid-from is at or before it (a left outer join; docs/writing-a-job.md
 * compares it with Flink SQL's {@code FOR SYSTEM_TIME AS OF}). Both inputs come keyed by the key.
 *
 * <p><b>Waiting.</b> A left record waits until the watermark passes its time: Flink's watermark of
 * this step is the lower of both inputs', so every version up to the record's time has arrived by
 * then, and the result depends on the data only. An idle changelog (its source's idleness) does
 * not count in that watermark, so it does not hold the join. A changelog that lags without being
 * idle would; {@code maxWait} (processing time) bounds that: a record that has waited that long is
 * joined with the versions known then and counted ({@value #EMITTED_BY_WAIT_BOUND}). That trades
 * exactness for latency. Every output carries its left record's event time.
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
 * Versions no longer needed are dropped when the key next has a version or a deadline: a key left
 * alone keeps them until it expires.
 *
 * <p><b>Expiry.</b> A version counts for {@code retention} (event time) after its valid-from: a
 * record more than that after its key's last change before it finds no version. Applied as a rule
 * at every lookup, so a result does not depend on when the state was cleared; the state of a key
 * goes once the watermark is {@code retention} past its newest version and no record waits.
 *
 * <p><b>State and deadlines.</b> All of a key is one value ({@link AsOfKeyState}), held in memory
 * while the join works on it and written to keyed state before each checkpoint barrier ({@link
 * HeldKeyedState}: with heap state every key is held, with RocksDB up to {@code heldKeys}), so
 * checkpoints stay keyed, rescalable and incremental. With RocksDB a key is written only if it
 * changed since it was read back or written: a record that came and went leaves nothing to write
 * ({@link AsOfKeyState#storedAsIs}). When a key's first waiting record is due is
 * listed in a heap of times and keys ({@link KeyDeadlines}), listed again from the stored keys
 * after a restore, rather than as a Flink event-time timer per record; only keys with waiting
 * records are in it. The key's expiry and its wait bound are Flink timers, one of each per key at
 * a time: they are rare, and with RocksDB they stay out of the JVM heap, as the keys do.
 *
 * <p>Why an operator rather than a {@code KeyedCoProcessFunction} (which this was): in the
 * benchmark's P segment at 10^6 users with heap state, the keyed-state lookups (several per
 * record and timer) and Flink's timer queue (an event-time timer registered and polled per record,
 * de-duplicated in a hash map per key group) were two thirds of the join's time.
 *
 * @param <K> the key
 * @param <L> the left record
 * @param <V> the row
 * @param <O> the output
 */
public final class AsOfJoinOperator<K, L, V, O> extends AbstractStreamOperator<O>
        implements TwoInputStreamOperator<L, RowVersion<K, V>, O>, Triggerable<K, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    public static final String JOINED = "joined";
    public static final String WITHOUT_VERSION = "withoutVersion";
    public static final String DELETED_BEFORE = "deletedBefore";
    public static final String EMITTED_BY_WAIT_BOUND = "emittedByWaitBound";
    public static final String TOO_LATE = "tooLateLeftRecords";
    public static final String LATE_VERSIONS = "lateVersions";
    public static final String LATE_VERSIONS_APPLIED = "lateVersionsApplied";
    public static final String EXPIRED_KEYS = "expiredKeys";

    /** With RocksDB state, how many keys are held in memory unless the caller says otherwise. */
    public static final int DEFAULT_HELD_KEYS = 50_000;

    /** The names are part of savepoints: they must not change. */
    static final String KEY_STATE = "as-of-join";
    static final String WATERMARK_STATE = "as-of-join-watermark";
    static final String TIMERS = "as-of-join-timers";

    private static final long NO_BOUND = -1;

    private final TypeInformation<L> leftType;
    private final RowVersionTypeInfo<K, V> versionType;
    private final long retention;
    private final long maxWait;
    private final int heldKeys;
    private final AsOfJoinOutput<L, V, O> joinOutput;
    private final OutputTag<L> tooLate;

    private transient TypeSerializer<AsOfKeyState<K, L, V>> stateSerializer;
    private transient HeldKeyedState<K, AsOfKeyState<K, L, V>> held;
    /** The held keys' state, by the number the held state gives each key. */
    private transient AsOfKeyState<K, L, V>[] states;
    /** When each key with waiting records next has one due: its first waiting record's time. */
    private transient KeyDeadlines<K> deadlines;
    /** The keys' expiry (event time) and wait-bound (processing time) timers. */
    private transient InternalTimerService<VoidNamespace> timers;
    /** The highest watermark seen, never below the restored one: what decides that a left record is too late. */
    private transient FlooredWatermark watermarkFloor;
    private transient boolean restored;
    private transient StreamRecord<O> outputRecord;

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
     * @param heldKeys with RocksDB state, how many keys are held in memory at most (0: every change is written at once)
     * @param output makes the output of a left record and the row it found
     */
    public AsOfJoinOperator(
            TypeInformation<L> leftType,
            RowVersionTypeInfo<K, V> versionType,
            Duration retention,
            Duration maxWait,
            int heldKeys,
            AsOfJoinOutput<L, V, O> output) {
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.versionType = Objects.requireNonNull(versionType, "versionType");
        this.retention = positiveMillis(Objects.requireNonNull(retention, "retention"), "retention");
        this.maxWait = maxWait == null ? NO_BOUND : positiveMillis(maxWait, "maxWait");
        if (heldKeys < 0) {
            throw new IllegalArgumentException("heldKeys must not be negative: " + heldKeys);
        }
        this.heldKeys = heldKeys;
        this.joinOutput = Objects.requireNonNull(output, "output");
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
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        watermarkFloor = FlooredWatermark.restore(context, WATERMARK_STATE);
        restored = context.isRestored();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        watermarkFloor.snapshot();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        watermarkFloor.takeRestoredFloor();
        KeyedStateBackend<K> backend = getKeyedStateBackend();
        stateSerializer = new AsOfKeyStateTypeInfo<>(leftType, versionType)
                .createSerializer(getExecutionConfig().getSerializerConfig());
        // Heap state keeps every key's value in memory anyway: all are held, and a copy of each
        // changed one goes to the backend before each barrier. The bound on held keys is for RocksDB.
        int mostHeld = HeldKeyedState.keepsObjects(backend) ? Integer.MAX_VALUE : heldKeys;
        held = new HeldKeyedState<>(
                backend, new ValueStateDescriptor<>(KEY_STATE, stateSerializer), mostHeld, new HeldStates());
        states = (AsOfKeyState<K, L, V>[]) new AsOfKeyState<?, ?, ?>[64];
        deadlines = new KeyDeadlines<>();
        timers = getInternalTimerService(TIMERS, VoidNamespaceSerializer.INSTANCE, this);
        outputRecord = new StreamRecord<>(null);

        counters = new HashMap<>();
        joined = counter(JOINED);
        withoutVersion = counter(WITHOUT_VERSION);
        deletedBefore = counter(DELETED_BEFORE);
        emittedByWaitBound = counter(EMITTED_BY_WAIT_BOUND);
        tooLateRecords = counter(TOO_LATE);
        lateVersions = counter(LATE_VERSIONS);
        lateVersionsApplied = counter(LATE_VERSIONS_APPLIED);
        expiredKeys = counter(EXPIRED_KEYS);
        getMetricGroup().gauge("heldKeys", () -> held.size());
        getMetricGroup().gauge("pendingKeyDeadlines", () -> deadlines.size());
        if (restored) {
            listDeadlinesOfStoredKeys();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement1(StreamRecord<L> element) throws Exception {
        if (!element.hasTimestamp()) {
            throw new IllegalStateException("a left record has no event time; assign timestamps before the as-of join");
        }
        long time = element.getTimestamp();
        if (time <= watermarkFloor.current()) {
            tooLateRecords.inc();
            output.collect(tooLate, element);
            return;
        }
        K key = (K) getCurrentKey();
        int number = holdOrAdd(key);
        AsOfKeyState<K, L, V> state = stateOrNew(number);
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (state.await(new AsOfKeyState.Waiting<>(time, now, element.getValue()))) {
            // The first waiting record has a deadline; a later one gets it when the ones before are handled.
            deadlines.add(time, key);
        }
        if (maxWait != NO_BOUND && state.waitTimer == AsOfKeyState.NONE) {
            state.waitTimer = now + maxWait;
            state.storedAsIs = false;
            timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, state.waitTimer);
        }
        noteChange(number, state);
    }

    @Override
    public void processElement2(StreamRecord<RowVersion<K, V>> element) throws Exception {
        RowVersion<K, V> version = element.getValue();
        long watermark = watermarkFloor.current();
        K key = version.key();
        int number = holdOrAdd(key);
        AsOfKeyState<K, L, V> state = stateOrNew(number);
        List<RowVersion<K, V>> known = state.versions;
        boolean firstVersion = known.isEmpty();
        // Every waiting record is after the watermark (its deadline would have come), so none needs more.
        keepOnlyNeeded(state, watermark);
        RowVersion<K, V> kept = known.isEmpty() || known.get(0).validFrom() > watermark ? null : known.get(0);
        if (kept != null && version.validFrom() < kept.validFrom()) {
            lateVersions.inc();
        } else {
            if (version.validFrom() <= watermark) {
                lateVersionsApplied.inc();
            }
            insert(known, version, watermark);
            state.storedAsIs = false;
            if (firstVersion) {
                // The key's first version, or its first since it expired.
                state.expiry = expiresAt(known.get(known.size() - 1));
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, state.expiry);
            }
        }
        noteChange(number, state);
    }

    /**
     * The combined watermark of both inputs: the keys with records due act, in the order of their
     * deadlines, before Flink's timers of the watermark (the keys' expiry) fire.
     *
     * <p>At the end of event time (both inputs read to their end, or a stop with {@code --drain})
     * every waiting record is joined, but the keys' expiry timers are not fired: no record can
     * come, so expiring a key protects nothing, and with RocksDB it would read and write every
     * key's state just before the job ends (a fifth of a benchmark round at 10^6 users). The state
     * stays as it was; a job restored from it meets event time at its end (the watermark floor),
     * where every record is too late.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermarkFloor.advance(mark.getTimestamp());
        long watermark = watermarkFloor.current();
        for (K key = deadlines.pollDue(watermark); key != null; key = deadlines.pollDue(watermark)) {
            setCurrentKey(key);
            actOnDeadline(key, watermark);
        }
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            output.emitWatermark(mark);
        } else {
            super.processWatermark(mark);
        }
    }

    /** Joins the key's records the watermark has passed, drops the versions no record can need now, lists its next deadline. */
    private void actOnDeadline(K key, long watermark) throws Exception {
        int number = held.hold(key);
        AsOfKeyState<K, L, V> state = number < 0 ? null : get(number);
        if (state == null) {
            return; // the key has gone: an outdated deadline
        }
        List<AsOfKeyState.Waiting<L>> waiting = state.waiting;
        int due = 0;
        while (due < waiting.size() && waiting.get(due).time <= watermark) {
            AsOfKeyState.Waiting<L> record = waiting.get(due++);
            emit(record.record, record.time, state.versions);
        }
        if (due == 0) {
            return; // outdated: the wait bound emitted the record it was listed for
        }
        waiting.subList(0, due).clear();
        if (!waiting.isEmpty()) {
            // The new first one; one that was first when it arrived is listed twice, harmlessly.
            deadlines.add(waiting.get(0).time, key);
        }
        // Every record still waiting is after the watermark (see processElement2).
        keepOnlyNeeded(state, watermark);
        noteChange(number, state);
    }

    /**
     * The key's expiry timer: clears its versions once no record to come can use them, or else
     * drops those no record can need and moves the timer on to the newest version's expiry.
     */
    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        K key = timer.getKey();
        int number = held.hold(key);
        AsOfKeyState<K, L, V> state = number < 0 ? null : get(number);
        if (state == null || state.versions.isEmpty()) {
            return; // the key has gone since
        }
        long watermark = watermarkFloor.current();
        List<RowVersion<K, V>> known = state.versions;
        long expiresAt = expiresAt(known.get(known.size() - 1));
        if (watermark >= expiresAt) {
            // The watermark's due records went first (processWatermark): every record still waiting,
            // and every one to come, is after the watermark, so past the expiry.
            known.clear();
            state.expiry = AsOfKeyState.NONE;
            expiredKeys.inc();
        } else {
            keepOnlyNeeded(state, watermark);
            state.expiry = expiresAt;
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, expiresAt);
        }
        state.storedAsIs = false;
        noteChange(number, state);
    }

    /**
     * The wait bound: records that arrived {@code maxWait} ago or earlier are joined with what is
     * known now. The key's one timer is not deleted when the watermark releases its records
     * first: it fires, finds none overdue, and moves on to the next record still waiting, if any,
     * so most keys register one timer per {@code maxWait} rather than one per record.
     */
    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        K key = timer.getKey();
        int number = held.hold(key);
        AsOfKeyState<K, L, V> state = number < 0 ? null : get(number);
        if (state == null) {
            return; // the key has gone since
        }
        long arrivedBy = timer.getTimestamp() - maxWait;
        long nextDeadline = Long.MAX_VALUE;
        AsOfKeyState.Waiting<L> first = state.waiting.isEmpty() ? null : state.waiting.get(0);
        for (Iterator<AsOfKeyState.Waiting<L>> records = state.waiting.iterator(); records.hasNext(); ) {
            AsOfKeyState.Waiting<L> record = records.next();
            if (record.arrivedAt <= arrivedBy) {
                emittedByWaitBound.inc();
                records.remove();
                emit(record.record, record.time, state.versions);
            } else {
                nextDeadline = Math.min(nextDeadline, record.arrivedAt + maxWait);
            }
        }
        if (!state.waiting.isEmpty() && state.waiting.get(0) != first) {
            // The new first one needs a deadline; the emitted one's is outdated, harmlessly.
            deadlines.add(state.waiting.get(0).time, key);
        }
        state.waitTimer = AsOfKeyState.NONE;
        if (nextDeadline != Long.MAX_VALUE) {
            state.waitTimer = nextDeadline;
            timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, nextDeadline);
        }
        state.storedAsIs = false;
        noteChange(number, state);
    }

    /** The checkpoint holds every change: the held keys go to keyed state before the barrier. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        held.writeChanged();
    }

    /** After a restore: each stored key's first waiting record, as its deadline. */
    private void listDeadlinesOfStoredKeys() throws Exception {
        held.forEachStored(
                (key, stored) -> {
                    AsOfKeyState<K, L, V> state = stored.value();
                    if (!state.waiting.isEmpty()) {
                        deadlines.add(state.waiting.get(0).time, key);
                    }
                });
    }

    private void emit(L left, long time, List<RowVersion<K, V>> known) {
        RowVersion<K, V> version = versionAt(known, time);
        O joinedRecord;
        if (version == null || time >= expiresAt(version)) {
            withoutVersion.inc();
            joinedRecord = joinOutput.join(left, null, AsOfMatch.NO_VERSION);
        } else if (version.isDeleted()) {
            deletedBefore.inc();
            joinedRecord = joinOutput.join(left, null, AsOfMatch.DELETED);
        } else {
            joined.inc();
            joinedRecord = joinOutput.join(left, version.row(), AsOfMatch.FOUND);
        }
        output.collect(outputRecord.replace(joinedRecord, time));
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
     * Drops the key's versions before the latest one at or before {@code time}: no record at or
     * after that time can find them.
     */
    private static <K, L, V> void keepOnlyNeeded(AsOfKeyState<K, L, V> state, long time) {
        if (keepOnlyNeeded(state.versions, time)) {
            state.storedAsIs = false;
        }
    }

    /** As above, for a list of versions; returns whether any went. */
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

    /**
     * After the key's state changed: it goes when nothing is left, is written before the next
     * barrier, or, if the backend holds it as it is again ({@link AsOfKeyState#storedAsIs}), need
     * not be; then the held keys are let go if too many are held.
     */
    private void noteChange(int number, AsOfKeyState<K, L, V> state) {
        if (state.isEmpty()) {
            put(number, null);
            held.markChanged(number);
        } else if (state.storedAsIs && state.waiting.isEmpty()) {
            held.markUnchanged(number);
        } else {
            held.markChanged(number);
        }
        held.letGoIfFull();
    }

    /** The key's number in the held state, holding it if it is neither held nor stored. The current key must be it. */
    private int holdOrAdd(K key) throws Exception {
        int number = held.hold(key);
        return number >= 0 ? number : held.add(key);
    }

    /** The held key's state, made if it has none (new, or gone since the last checkpoint while still held). */
    private AsOfKeyState<K, L, V> stateOrNew(int number) {
        AsOfKeyState<K, L, V> state = get(number);
        if (state == null) {
            state = new AsOfKeyState<>();
            put(number, state);
        }
        return state;
    }

    private AsOfKeyState<K, L, V> get(int number) {
        return number < states.length ? states[number] : null;
    }

    private void put(int number, AsOfKeyState<K, L, V> state) {
        if (number >= states.length) {
            states = Arrays.copyOf(states, Math.max(number + 1, states.length * 2));
        }
        states[number] = state;
    }

    private long expiresAt(RowVersion<K, V> version) {
        long validFrom = version.validFrom();
        return validFrom > Long.MAX_VALUE - retention ? Long.MAX_VALUE : validFrom + retention;
    }

    private static long positiveMillis(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration.toMillis();
    }

    private Counter counter(String name) {
        Counter counter = getMetricGroup().counter(name);
        counters.put(name, counter);
        return counter;
    }

    /** A counter's count, for tests: Flink's two-input harness gives an operator metrics that cannot be read back. */
    long count(String metric) {
        Counter counter = counters.get(metric);
        if (counter == null) {
            throw new IllegalArgumentException("no such metric: " + metric);
        }
        return counter.getCount();
    }

    /** Deadlines listed and not yet come, outdated ones included (the {@code pendingKeyDeadlines} gauge). */
    public int pendingDeadlines() {
        return deadlines.size();
    }

    /** The held keys' state, kept by number; a key gone clears its state. */
    private final class HeldStates implements HeldValues<AsOfKeyState<K, L, V>> {

        @Override
        public AsOfKeyState<K, L, V> valueToWrite(int number) {
            AsOfKeyState<K, L, V> state = written(number);
            return state == null ? null : stateSerializer.copy(state);
        }

        @Override
        public AsOfKeyState<K, L, V> valueToLetGo(int number) {
            return written(number);
        }

        @Override
        public void readBack(int number, AsOfKeyState<K, L, V> stored) {
            stored.storedAsIs = stored.waiting.isEmpty();
            put(number, stored);
        }

        /** The key's state, which the backend holds as it is from now on. */
        private AsOfKeyState<K, L, V> written(int number) {
            AsOfKeyState<K, L, V> state = get(number);
            if (state != null) {
                state.storedAsIs = state.waiting.isEmpty();
            }
            return state;
        }

        @Override
        public void letGoAll() {
            Arrays.fill(states, null);
        }
    }
}
