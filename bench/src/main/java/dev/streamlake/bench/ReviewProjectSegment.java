package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Map;

/**
 * P: the review enrichment job as production builds it ({@link JobAssembly}) with its defaults:
 * cleansing rules, dead letters (the users' sealed), user versions with full_name, email and phone
 * pseudonymised (HMAC-SHA256), the as-of join of the reviews, unhappy VIPs routed to their table
 * and stream; no click actions arrive (clicks input {@code none}), the stream goes nowhere and
 * every table is discarded.
 */
final class ReviewProjectSegment extends Segment {

    /** A key of the pseudonyms for the benchmark only: the job refuses one shorter than 32 bytes. */
    private static final String SECRET = "streamlake-bench-pseudonym-key-0123456789";

    ReviewProjectSegment() {
        super("P", "project: ReviewEnrichmentJob as production builds it (cleansing, dead letters, user versions "
                + "pseudonymised, the as-of join, unhappy VIPs routed; clicks input none), discarding sinks", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        JobConfig config = JobConfig.of(ReviewEnrichmentJob.DEFINITION.configSchema(), Map.of(
                "reviews.source.type", "none",
                "users.source.type", "none",
                "clicks.source.type", "none",
                "privacy.secret", SECRET));
        JobAssembly.of(new ReviewEnrichmentJob(), config)
                .replacingSource(ReviewEnrichmentJob.REVIEWS,
                        input.asInput(ProductReviewEvents.INSTANCE, ReviewEnrichmentJob.REVIEWS, config))
                .replacingSource(ReviewEnrichmentJob.USERS,
                        input.asInput(UserChangeEvents.INSTANCE, ReviewEnrichmentJob.USERS, config))
                .replacingTables(DiscardingTables.INSTANCE)
                .addTo(env);
    }
}
