package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.join.AsOfJoinOperator;
import dev.streamlake.core.join.RowVersion;
import dev.streamlake.core.join.RowVersionTypeInfo;
import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import java.time.Duration;
import java.util.List;

/**
 * The job's review join as it runs: Debezium changes made versions by {@link UserVersions}
 * (pseudonymised), joined in core's {@link AsOfJoinOperator}, rows made by {@link EnrichedReviews}.
 */
final class ReviewJoinHarness implements AutoCloseable {

    static final RowVersionTypeInfo<String, User> VERSION_TYPE =
            RowVersion.typeInfo(Types.STRING, UserSerializer.TYPE_INFO);

    private final UserVersions versions;
    private final AsOfJoinOperator<String, ProductReview, User, EnrichedReview> operator;
    private final KeyedTwoInputStreamOperatorTestHarness<String, ProductReview, RowVersion<String, User>, EnrichedReview> harness;

    ReviewJoinHarness(Duration retention) throws Exception {
        versions = new UserVersions(new PersonalColumns(
                Pseudonymiser.withSecret(Users.SECRET), ReviewEnrichmentKeys.PSEUDONYMISED_COLUMNS.defaultValue().orElseThrow()));
        operator = new AsOfJoinOperator<>(
                ProductReviewSerializer.TYPE_INFO, VERSION_TYPE, retention, null,
                AsOfJoinOperator.DEFAULT_HELD_KEYS, new EnrichedReviews());
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                operator, ProductReview::getUserId, RowVersion::key, Types.STRING);
        harness.setup();
        harness.open();
    }

    void review(ProductReview review) throws Exception {
        harness.processElement1(review, review.getTs().toEpochMilli());
    }

    void change(UserChange change) throws Exception {
        harness.processElement2(versions.map(change), change.getSourceTs().toEpochMilli());
    }

    void watermark(long time) throws Exception {
        harness.processBothWatermarks(new Watermark(time));
    }

    void reviewsWatermark(long time) throws Exception {
        harness.processWatermark1(new Watermark(time));
    }

    void changelogIdle() throws Exception {
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
    }

    List<EnrichedReview> joined() {
        return harness.extractOutputValues();
    }

    /** The users with state, as the join writes it before a checkpoint barrier. */
    int stateEntries() throws Exception {
        harness.prepareSnapshotPreBarrier(0);
        return harness.numKeyedStateEntries();
    }

    /** The join's deadlines not yet come, and Flink event-time timers (it registers none). */
    int pendingDeadlines() {
        return operator.pendingDeadlines() + harness.numEventTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
