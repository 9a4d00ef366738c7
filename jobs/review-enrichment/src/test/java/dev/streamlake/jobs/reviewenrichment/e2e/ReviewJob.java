package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.ConfiguredSources;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentKeys;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.serde.Decoded;
import dev.streamlake.testing.flink.InjectedFailures;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The review enrichment job as production wires it, and the settings the end-to-end tests share. */
final class ReviewJob {

    /** The pseudonyms' and sealed dead letters' key: a test secret of more than 32 bytes. */
    static final String SECRET = "review-enrichment end-to-end test secret, not for production";

    private ReviewJob() {}

    /**
     * The keys every test sets, as values the oracle gets too: an hour of out-of-orderness on every
     * input, no partition ever taken for idle (the users topic moves on by itself), alignment drift
     * far below the age of a too-late record, a retention of two days (a few days of data then see
     * users expire), and a wait bound no test reaches but the one about it, which shortens it.
     */
    static Map<String, String> commonKeys() {
        Map<String, String> values = new HashMap<>();
        for (Input<?> input : List.of(ReviewEnrichmentJob.REVIEWS, ReviewEnrichmentJob.USERS, ReviewEnrichmentJob.CLICKS)) {
            values.put(key(input, WatermarkKeys.OUT_OF_ORDERNESS), "1h");
            values.put(key(input, WatermarkKeys.IDLENESS), "0s");
        }
        values.put(WatermarkKeys.ALIGNMENT_MAX_DRIFT.name(), "6h");
        values.put(ReviewEnrichmentKeys.USER_RETENTION.name(), "2d");
        values.put(ReviewEnrichmentKeys.MAX_WAIT.name(), "1h");
        values.put(ReviewEnrichmentKeys.SECRET.name(), SECRET);
        values.put(ReviewEnrichmentKeys.UNHAPPY_BELOW.name(), "3");
        values.put(ReviewEnrichmentKeys.UNHAPPY_STATUSES.name(), "gold,platinum");
        values.put(ReviewEnrichmentKeys.VIP_ACTION_STATUSES.name(), "platinum");
        return values;
    }

    /** The same settings for the oracle. */
    static ReviewEnrichmentOracle.Rules rules() {
        ReviewEnrichmentOracle.Rules rules = new ReviewEnrichmentOracle.Rules();
        rules.outOfOrderness = Duration.ofHours(1);
        rules.retention = Duration.ofDays(2);
        rules.secret = SECRET;
        rules.unhappyBelow = 3;
        rules.unhappyStatuses = EnumSet.of(UserStatus.GOLD, UserStatus.PLATINUM);
        rules.vipStatuses = EnumSet.of(UserStatus.PLATINUM);
        rules.tooLateMargin = Duration.ofDays(1);
        return rules;
    }

    /** The job's configuration from raw values, checked as at start. */
    static JobConfig config(Map<String, String> values) {
        return JobConfig.of(ReviewEnrichmentJob.DEFINITION.configSchema(), values);
    }

    /**
     * The feeds from Kafka, each from its own topic {@link #topicOf}, read from the earliest
     * offset by a consumer group of the topic's name, in small polls: a partition paused for
     * alignment still hands over the polls already fetched, which then span hours of event time
     * at most, far less than the age of a too-late record.
     */
    static void fromKafka(Map<String, String> values, String bootstrapServers, String prefix, Feed... feeds) {
        values.put(KafkaKeys.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        values.put(KafkaKeys.PROPERTIES.prefix() + "max.poll.records", "50");
        for (Feed feed : feeds) {
            Input<?> input = inputOf(feed);
            values.put(key(input, SourceKeys.TYPE), "kafka");
            values.put(key(input, KafkaKeys.SOURCE_TOPICS), topicOf(prefix, feed));
            values.put(key(input, KafkaKeys.SOURCE_GROUP_ID), topicOf(prefix, feed));
            values.put(key(input, KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        }
    }

    /** The topic of a feed, also the name of the job's consumer group that reads it. */
    static String topicOf(String prefix, Feed feed) {
        return prefix + "-" + feed.name().toLowerCase(Locale.ROOT);
    }

    static Input<?> inputOf(Feed feed) {
        switch (feed) {
            case REVIEWS:
                return ReviewEnrichmentJob.REVIEWS;
            case USERS:
                return ReviewEnrichmentJob.USERS;
            case CLICKS:
            default:
                return ReviewEnrichmentJob.CLICKS;
        }
    }

    /** A key of an input, e.g. {@code reviews.kafka.topics}. */
    static String key(Input<?> input, ConfigKey<?> key) {
        return input.name() + "." + key.name();
    }

    /** A key of the unhappy VIPs' stream output, e.g. {@code unhappy-vips.kafka.topic}. */
    static String unhappyVipsKey(ConfigKey<?> key) {
        return ReviewEnrichmentJob.UNHAPPY_VIPS.name() + "." + key.name();
    }

    /** The whole job into {@code env}, its reviews and users from the configured sources followed by failures to inject. */
    static void addTo(
            StreamExecutionEnvironment env,
            JobConfig config,
            List<MapFunction<Decoded<ProductReview>, Decoded<ProductReview>>> reviewFailures,
            List<MapFunction<Decoded<UserChange>, Decoded<UserChange>>> userFailures) {
        JobAssembly.of(new ReviewEnrichmentJob(), config)
                .replacingSource(ReviewEnrichmentJob.REVIEWS, failing(config, ReviewEnrichmentJob.REVIEWS, reviewFailures))
                .replacingSource(ReviewEnrichmentJob.USERS, failing(config, ReviewEnrichmentJob.USERS, userFailures))
                .addTo(env);
    }

    private static <T extends SpecificRecord> dev.streamlake.core.source.EventSource<T> failing(
            JobConfig config, Input<T> input, List<MapFunction<Decoded<T>, Decoded<T>>> failures) {
        dev.streamlake.core.source.EventSource<T> source =
                ConfiguredSources.of(ReviewEnrichmentJob.DEFINITION, config, input);
        return env -> InjectedFailures.after(source.createStream(env), input.name(), failures);
    }
}
