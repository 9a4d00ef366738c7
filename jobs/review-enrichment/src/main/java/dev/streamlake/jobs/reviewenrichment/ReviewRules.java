package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.ProductReview;
import dev.streamlake.serde.EventRule;
import dev.streamlake.serde.PlausibleEventTime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes a well-formed review unusable: no review or user id, a rating outside 1 to 5, or an
 * event time no review can have.
 */
public final class ReviewRules implements EventRule<ProductReview> {

    private static final long serialVersionUID = 1L;

    private final PlausibleEventTime eventTime;

    public ReviewRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    ReviewRules(Duration maxFuture, Clock clock) {
        this.eventTime = new PlausibleEventTime(maxFuture, clock);
    }

    @Override
    public Optional<String> violation(ProductReview review) {
        if (review.getReviewId().isBlank()) {
            return Optional.of("the review has no review id");
        }
        if (review.getUserId().isBlank()) {
            return Optional.of("the review has no user id");
        }
        if (review.getRating() < 1 || review.getRating() > 5) {
            return Optional.of("the rating " + review.getRating() + " is not 1 to 5");
        }
        return eventTime.violation(review.getTs());
    }
}
