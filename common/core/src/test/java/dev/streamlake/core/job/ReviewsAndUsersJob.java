package dev.streamlake.core.job;

import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Optional;

/**
 * A small job declared the way a real one is: reviews (JSON) and users (a Debezium changelog) in;
 * a Delta table of reviews; low ratings and user changes out as streams.
 */
class ReviewsAndUsersJob implements StreamJob {

    static final Input<ProductReview> REVIEWS =
            Input.of("reviews", ProductReview.class, review -> review.getTs().toEpochMilli())
                    .rules(config -> review -> review.getRating() >= 1 && review.getRating() <= 5
                            ? Optional.empty()
                            : Optional.of("rating " + review.getRating() + " is not 1 to 5"))
                    .build();

    static final Input<UserChange> USERS =
            Input.of("users", UserChange.class, change -> change.getSourceTs().toEpochMilli())
                    .formats(InputFormat.DEBEZIUM_JSON)
                    .build();

    static final Table<ProductReview> REVIEW_TABLE = Table.of("reviews", ProductReview.class, "product reviews");

    static final StreamOutput<ProductReview> LOW_RATINGS =
            StreamOutput.of("low-ratings", ProductReview.class, ProductReview::getProductId);

    static final StreamOutput<UserChange> USER_CHANGES =
            StreamOutput.of("user-changes", UserChange.class, ReviewsAndUsersJob::userId);

    static final JobDefinition DEFINITION =
            JobDefinition.builder("reviews-and-users")
                    .input(REVIEWS)
                    .input(USERS)
                    .table(REVIEW_TABLE)
                    .output(LOW_RATINGS)
                    .output(USER_CHANGES)
                    .build();

    @Override
    public JobDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void build(JobContext context) {
        DataStream<ProductReview> reviews = context.read(REVIEWS);
        context.write(reviews, REVIEW_TABLE);
        context.send(reviews.filter(review -> review.getRating() < 3).uid("low-ratings").name("Low ratings"), LOW_RATINGS);
        context.send(context.read(USERS), USER_CHANGES);
    }

    static String userId(UserChange change) {
        return change.getKey();
    }
}
