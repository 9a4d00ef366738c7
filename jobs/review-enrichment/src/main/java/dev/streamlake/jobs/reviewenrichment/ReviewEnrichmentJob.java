package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.InputFormat;
import dev.streamlake.core.job.JobContext;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.LocalTables;
import dev.streamlake.core.job.StreamJob;
import dev.streamlake.core.job.StreamOutput;
import dev.streamlake.core.job.Table;
import dev.streamlake.core.join.AsOfJoin;
import dev.streamlake.core.join.RowVersion;
import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.SourceType;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.VipAction;
import dev.streamlake.jobs.reviewenrichment.generator.ClickActions;
import dev.streamlake.jobs.reviewenrichment.generator.ProductReviews;
import dev.streamlake.jobs.reviewenrichment.generator.UserChanges;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.io.PrintStream;

/**
 * Review enrichment (README: "Review enrichment" says exactly what it computes):
 *
 * <pre>
 * users (Debezium changes) → user versions, personal columns pseudonymised
 * reviews ⋈ user versions as of the review's event time (keyed by user)
 *   → enriched-reviews (Delta); unhappy VIPs → unhappy-vips (Delta and the stream); too late → late-reviews
 * click actions ⋈ the same user versions → VIP statuses only → vip-actions (Delta); too late → late-actions
 *   (not built when clicks.source.type is none)
 * bad reviews, changes and actions → dead letters (by the skeleton; those of users sealed)
 * </pre>
 */
public final class ReviewEnrichmentJob implements StreamJob {

    public static final Input<ProductReview> REVIEWS =
            Input.of("reviews", ProductReview.class, review -> review.getTs().toEpochMilli())
                    .typeInfo(ProductReviewSerializer.TYPE_INFO)
                    .formats(InputFormat.JSON, InputFormat.CONFLUENT_AVRO)
                    .rules(config -> new ReviewRules(config.get(ReviewEnrichmentKeys.MAX_CLOCK_SKEW)))
                    .generator((config, format) -> ProductReviews.generator(
                            GeneratorSettings.from(config), GeneratorSettings.from(config.scope(ReviewEnrichmentJob.USERS.name())), format).source())
                    .build();

    public static final Input<UserChange> USERS =
            Input.of("users", UserChange.class, change -> change.getSourceTs().toEpochMilli())
                    .formats(InputFormat.DEBEZIUM_JSON)
                    .rules(config -> new UserChangeRules(config.get(ReviewEnrichmentKeys.MAX_CLOCK_SKEW)))
                    .personal(ReviewEnrichmentKeys.SECRET)
                    .generator((config, format) -> UserChanges.generator(GeneratorSettings.from(config), format).source())
                    .build();

    public static final Input<ClickAction> CLICKS =
            Input.of("clicks", ClickAction.class, action -> action.getTs().toEpochMilli())
                    .formats(InputFormat.JSON, InputFormat.CONFLUENT_AVRO)
                    .rules(config -> new ClickActionRules(config.get(ReviewEnrichmentKeys.MAX_CLOCK_SKEW)))
                    .generator((config, format) -> ClickActions.generator(
                            GeneratorSettings.from(config), GeneratorSettings.from(config.scope(ReviewEnrichmentJob.USERS.name())), format).source())
                    .build();

    public static final Table<EnrichedReview> ENRICHED =
            Table.of("enriched-reviews", EnrichedReview.class, "every review with its user as of the review's time, pseudonymised")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("enriched_reviews");

    public static final Table<EnrichedReview> UNHAPPY_VIPS_TABLE =
            Table.of("unhappy-vips", EnrichedReview.class, "low ratings from users with a VIP status as of the review")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("unhappy_vips");

    public static final Table<ProductReview> LATE_REVIEWS =
            Table.of("late-reviews", ProductReview.class, "reviews that arrived after the watermark had passed them, unjoined")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("late_reviews");

    public static final Table<VipAction> VIP_ACTIONS =
            Table.of("vip-actions", VipAction.class, "click actions of users with a VIP status as of the action")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("vip_actions");

    public static final Table<ClickAction> LATE_ACTIONS =
            Table.of("late-actions", ClickAction.class, "click actions that arrived after the watermark had passed them, unjoined")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("late_actions");

    public static final StreamOutput<EnrichedReview> UNHAPPY_VIPS =
            StreamOutput.of("unhappy-vips", EnrichedReview.class, EnrichedReview::getUserId);

    public static final JobDefinition DEFINITION =
            JobDefinition.builder("review-enrichment")
                    .input(REVIEWS)
                    .input(USERS)
                    .input(CLICKS)
                    .table(ENRICHED)
                    .table(UNHAPPY_VIPS_TABLE)
                    .table(LATE_REVIEWS)
                    .table(VIP_ACTIONS)
                    .table(LATE_ACTIONS)
                    .output(UNHAPPY_VIPS)
                    .keys(ReviewEnrichmentKeys.SCHEMA)
                    .deadLettersLocallyNamed("review_dead_letters")
                    .build();

    /** The uids of the job's own steps: their state is in savepoints under them. */
    static final String USER_VERSIONS_UID = "user-versions";
    static final String REVIEW_JOIN_UID = "reviews-as-of-users";
    static final String ACTION_JOIN_UID = "actions-as-of-users";

    @Override
    public JobDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void build(JobContext context) {
        JobConfig config = context.config();
        PersonalColumns personal = new PersonalColumns(
                Pseudonymiser.withSecret(config.get(ReviewEnrichmentKeys.SECRET)),
                config.get(ReviewEnrichmentKeys.PSEUDONYMISED_COLUMNS));

        DataStream<RowVersion<String, User>> userVersions = context.read(USERS)
                .map(new UserVersions(personal))
                .returns(RowVersion.typeInfo(Types.STRING, UserSerializer.TYPE_INFO))
                .uid(USER_VERSIONS_UID)
                .name("User versions, pseudonymised");

        AsOfJoin.Result<ProductReview, EnrichedReview> reviews =
                AsOfJoin.of(context.read(REVIEWS), ProductReview::getUserId, userVersions)
                        .retention(config.get(ReviewEnrichmentKeys.USER_RETENTION))
                        .maxWait(config.getOptional(ReviewEnrichmentKeys.MAX_WAIT).orElse(null))
                        .heldKeys(config.get(ReviewEnrichmentKeys.HELD_USERS))
                        .into(new EnrichedReviews(), TypeInformation.of(EnrichedReview.class),
                                REVIEW_JOIN_UID, "Reviews as of users");
        DataStream<EnrichedReview> unhappyVips = reviews.joined()
                .filter(new UnhappyVips(
                        config.get(ReviewEnrichmentKeys.UNHAPPY_BELOW),
                        ReviewEnrichmentKeys.statusesOf(config.get(ReviewEnrichmentKeys.UNHAPPY_STATUSES))))
                .uid("unhappy-vips")
                .name("Unhappy VIPs");
        context.write(reviews.joined(), ENRICHED);
        context.write(unhappyVips, UNHAPPY_VIPS_TABLE);
        context.send(unhappyVips, UNHAPPY_VIPS);
        context.write(reviews.tooLate(), LATE_REVIEWS);

        // Without click actions (clicks.source.type=none) no second join keeps a copy of every user.
        if (config.scope(CLICKS.name()).get(SourceKeys.TYPE) != SourceType.NONE) {
            AsOfJoin.Result<ClickAction, VipAction> actions =
                    AsOfJoin.of(context.read(CLICKS), ClickAction::getUserId, userVersions)
                            .retention(config.get(ReviewEnrichmentKeys.USER_RETENTION))
                            .maxWait(config.getOptional(ReviewEnrichmentKeys.MAX_WAIT).orElse(null))
                            .heldKeys(config.get(ReviewEnrichmentKeys.HELD_USERS))
                            .into(new VipActions(), TypeInformation.of(VipAction.class),
                                    ACTION_JOIN_UID, "Actions as of users");
            context.write(
                    actions.joined()
                            .filter(VipActions.ofStatuses(ReviewEnrichmentKeys.statusesOf(
                                    config.get(ReviewEnrichmentKeys.VIP_ACTION_STATUSES))))
                            .uid("vip-actions")
                            .name("VIP actions"),
                    VIP_ACTIONS);
            context.write(actions.tooLate(), LATE_ACTIONS);
        }
    }

    @Override
    public void summarise(LocalTables tables, PrintStream out) {
        EnrichmentSummary.print(
                tables.rows(ENRICHED), tables.rows(UNHAPPY_VIPS_TABLE), tables.rows(LATE_REVIEWS),
                tables.rows(VIP_ACTIONS), tables.rows(LATE_ACTIONS), tables.rows(DEFINITION.deadLetters()), out);
    }
}
