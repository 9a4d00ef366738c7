package dev.streamlake.bench;

import dev.streamlake.core.generator.ByteCorruption;
import dev.streamlake.core.generator.Corruption;
import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The review enrichment job in the benchmark: product reviews joined, as of their event time, with
 * the users table read as Debezium changes. Its pool has two lanes: the reviews, and the users'
 * changes, whose head is a snapshot of every user, read once, before the first review is due;
 * after it, every {@value #CHANGE_EVERY}th record of the pool is a change of a user, so the join
 * sees versions arrive between the reviews throughout.
 */
final class ReviewEnrichmentBench extends BenchedJob {

    /**
     * Event time in which a user reviews or changes once on average: the pool's event interval is
     * this over the user count, so more users make more records per second, not busier users.
     */
    static final Duration USER_INTERVAL = Duration.ofHours(1);

    /** Every this many records of the pool one is a change of a user, the others are reviews. */
    static final int CHANGE_EVERY = 10;

    /** How long before the first record is due the snapshot reads the users. */
    static final Duration SNAPSHOT_LEAD = Duration.ofHours(1);

    ReviewEnrichmentBench() {
        super("review-enrichment", "Review enrichment", "user", List.of(
                new CeilingSegment(ProductReviewEvents.INSTANCE, UserChangeEvents.INSTANCE),
                new ReviewReferenceSegment(),
                new ReviewSqlSegment(),
                new ReviewProjectSegment()));
    }

    @Override
    List<Integer> defaultKeyCounts() {
        return List.of(10_000, 1_000_000);
    }

    /** The snapshot of every user, then {@code count} reviews and changes. */
    @Override
    EventPool pool(int users, long count) {
        Duration interval = EventPool.eventInterval(users, USER_INTERVAL);
        GeneratorSettings settings = EventPool.settings(users, count, interval);
        EventGenerator<ProductReview> reviews = new EventGenerator<>(settings, new ProductReviewPoolRecipe(),
                new JsonFormat<>(ProductReview.class), JsonCorruption.all(EventFields.of(ProductReview.getClassSchema())));
        UserChangePoolRecipe changeRecipe = new UserChangePoolRecipe();
        DebeziumJsonFormat<UserChange> changeFormat = new DebeziumJsonFormat<>(UserChange.class);
        EventGenerator<UserChange> changes = new EventGenerator<>(settings, changeRecipe, changeFormat, changeCorruptions());

        List<byte[]> reviewRecords = new ArrayList<>();
        List<byte[]> changeRecords = new ArrayList<>();
        Instant snapshotTime = settings.startTime().minus(SNAPSHOT_LEAD);
        for (int user = 0; user < users; user++) {
            changeRecords.add(changeFormat.encode(changeRecipe.snapshot(user, snapshotTime)));
        }
        for (long i = 0; i < count; i++) {
            if (i % CHANGE_EVERY == 0) {
                changeRecords.add(changes.generate(i).bytes());
            } else {
                reviewRecords.add(reviews.generate(i).bytes());
            }
        }
        long span = count * interval.toMillis();
        Map<Class<?>, PoolLane> lanes = new LinkedHashMap<>();
        lanes.put(ProductReview.class, new PoolLane(reviewRecords.toArray(byte[][]::new), 0, span));
        lanes.put(UserChange.class, new PoolLane(changeRecords.toArray(byte[][]::new), users, span));
        return new EventPool(users, lanes, users);
    }

    /**
     * The defects of a Debezium record: the byte-level ones and JSON that is no object or no JSON;
     * JSON's field-level defects name the change record's fields, which Debezium nests otherwise.
     */
    private static List<Corruption> changeCorruptions() {
        EventFields fields = EventFields.of(UserChange.getClassSchema());
        List<Corruption> corruptions = new ArrayList<>(Arrays.asList(ByteCorruption.values()));
        corruptions.add(new JsonCorruption(JsonCorruption.Kind.NOT_JSON, fields));
        corruptions.add(new JsonCorruption(JsonCorruption.Kind.NOT_AN_OBJECT, fields));
        return corruptions;
    }

    @Override
    List<String> describe(BenchSettings settings) {
        return List.of(
                "pool: fixed-seed records of the benchmark's own review and user-change recipes (seed " + EventPool.SEED
                        + "): first a Debezium snapshot read (op r) of every user, " + SNAPSHOT_LEAD.toHours()
                        + " h of event time before the first review is due, read in the first pass only; then every "
                        + CHANGE_EVERY + "th record a change of a user in Debezium JSON (MySQL-style whole before-images; "
                        + UserChangePoolRecipe.DELETE_PERCENT + "% deletes, " + UserChangePoolRecipe.CREATE_PERCENT
                        + "% creates, the rest updates of status, consent and email), the others reviews in JSON "
                        + "(15% rated below 3; 5% of user versions platinum); 1% malformed, 1% late by 1 minute, "
                        + "out-of-order up to 2 s, in both inputs; each user reviews or changes about once per hour of "
                        + "event time (the event interval is an hour over the user count: "
                        + settings.keyCounts().stream()
                                .map(users -> String.format("%,d users: %d ms", users,
                                        EventPool.eventInterval(users, USER_INTERVAL).toMillis()))
                                .collect(Collectors.joining(", "))
                        + "); a source per input, each reading its share of a segment's records; every segment decodes the same bytes",
                "join: the job's defaults (user retention 90 days, no wait bound, pseudonymised full_name, email "
                        + "and phone, unhappy VIPs: platinum below 3 stars); R and S join the same records without "
                        + "pseudonymisation or routing");
    }
}
