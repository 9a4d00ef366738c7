package dev.streamlake.core.join;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.Objects;

/**
 * The event-time as-of join in a few lines of a job ({@link AsOfJoinOperator} says what it does):
 *
 * <pre>{@code
 * AsOfJoin.Result<ProductReview, EnrichedReview> enriched =
 *         AsOfJoin.of(reviews, ProductReview::getUserId, userVersions)   // versions typed RowVersion.typeInfo(...)
 *                 .retention(config.get(USER_RETENTION))
 *                 .maxWait(config.getOptional(MAX_WAIT).orElse(null))    // optional
 *                 .heldKeys(config.get(HELD_USERS))                      // optional, for RocksDB
 *                 .into(new EnrichedReviews(), TypeInformation.of(EnrichedReview.class),
 *                         "reviews-as-of-users", "Reviews as of users");
 * context.write(enriched.joined(), ENRICHED);
 * context.write(enriched.tooLate(), LATE_REVIEWS);
 * }</pre>
 *
 * <p>Both inputs are keyed by the key (the versions' type gives its type), connected and processed
 * in one keyed step with the caller's uid and name. The inputs need event-time timestamps and
 * watermarks, the changelog's source idleness so that an idle changelog does not hold the join.
 *
 * @param <K> the key
 * @param <L> the left record
 * @param <V> the row
 */
public final class AsOfJoin<K, L, V> {

    private final DataStream<L> left;
    private final KeySelector<L, K> leftKey;
    private final DataStream<RowVersion<K, V>> versions;
    private final RowVersionTypeInfo<K, V> versionType;
    private Duration retention;
    private Duration maxWait;
    private int heldKeys = AsOfJoinOperator.DEFAULT_HELD_KEYS;

    private AsOfJoin(DataStream<L> left, KeySelector<L, K> leftKey, DataStream<RowVersion<K, V>> versions) {
        this.left = Objects.requireNonNull(left, "left");
        if (left.getType() instanceof GenericTypeInfo) {
            throw new IllegalArgumentException("the left records have the type " + left.getType()
                    + ", which Flink would write with Kryo in the join's state; give the stream its type information");
        }
        this.leftKey = Objects.requireNonNull(leftKey, "leftKey");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.versionType = versionTypeOf(versions);
    }

    /** Joins each left record with the version of its key's row at its time. */
    public static <K, L, V> AsOfJoin<K, L, V> of(
            DataStream<L> left, KeySelector<L, K> leftKey, DataStream<RowVersion<K, V>> versions) {
        return new AsOfJoin<>(left, leftKey, versions);
    }

    /** How long after its valid-from a version still counts (event time); required. */
    public AsOfJoin<K, L, V> retention(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    /** How long a left record waits for the watermark at most (processing time); no bound if not set or null. */
    public AsOfJoin<K, L, V> maxWait(Duration maxWait) {
        this.maxWait = maxWait;
        return this;
    }

    /**
     * With RocksDB state, how many keys the join holds in memory at most ({@value
     * AsOfJoinOperator#DEFAULT_HELD_KEYS} if not set); 0 writes every change to the state backend
     * at once. With heap state every key is held.
     */
    public AsOfJoin<K, L, V> heldKeys(int heldKeys) {
        if (heldKeys < 0) {
            throw new IllegalArgumentException("heldKeys must not be negative: " + heldKeys);
        }
        this.heldKeys = heldKeys;
        return this;
    }

    /**
     * @param output makes the output of a left record and the row it found
     * @param outputType the output's type
     * @param uid the join's uid, stable across releases (its state is in savepoints under it)
     * @param name the join's name in the Web UI
     */
    public <O> Result<L, O> into(
            AsOfJoinOutput<L, V, O> output, TypeInformation<O> outputType, String uid, String name) {
        if (retention == null) {
            throw new IllegalStateException("the as-of join " + uid + " has no retention: set how long a version counts");
        }
        AsOfJoinOperator<K, L, V, O> operator =
                new AsOfJoinOperator<>(left.getType(), versionType, retention, maxWait, heldKeys, output);
        TypeInformation<K> keyType = versionType.keyType();
        SingleOutputStreamOperator<O> joined = left.keyBy(leftKey, keyType)
                .connect(versions.keyBy(RowVersion::key, keyType))
                .transform(Objects.requireNonNull(name, "name"), outputType, operator)
                .uid(Objects.requireNonNull(uid, "uid"));
        return new Result<>(joined, operator.tooLate());
    }

    @SuppressWarnings("unchecked")
    private static <K, V> RowVersionTypeInfo<K, V> versionTypeOf(DataStream<RowVersion<K, V>> versions) {
        if (!(versions.getType() instanceof RowVersionTypeInfo)) {
            throw new IllegalArgumentException("the versions' stream has the type " + versions.getType()
                    + ", which Flink would write with Kryo; give it RowVersion.typeInfo(keyType, rowType)"
                    + " (e.g. .map(...).returns(RowVersion.typeInfo(...)))");
        }
        return (RowVersionTypeInfo<K, V>) versions.getType();
    }

    /** The joined records and the left records that came too late to be joined. */
    public static final class Result<L, O> {

        private final SingleOutputStreamOperator<O> joined;
        private final OutputTag<L> tooLate;

        private Result(SingleOutputStreamOperator<O> joined, OutputTag<L> tooLate) {
            this.joined = joined;
            this.tooLate = tooLate;
        }

        public SingleOutputStreamOperator<O> joined() {
            return joined;
        }

        /** Left records at or behind the watermark when they arrived, unjoined. */
        public DataStream<L> tooLate() {
            return joined.getSideOutput(tooLate);
        }
    }
}
