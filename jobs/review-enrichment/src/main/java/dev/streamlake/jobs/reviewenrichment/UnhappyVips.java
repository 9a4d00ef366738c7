package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.UserStatus;

import org.apache.flink.api.common.functions.FilterFunction;

import java.util.EnumSet;
import java.util.Set;

/** An unhappy VIP: a rating below the threshold from a user whose status, as of the review, is a VIP one. */
final class UnhappyVips implements FilterFunction<EnrichedReview> {

    private static final long serialVersionUID = 1L;

    private final int belowRating;
    private final EnumSet<UserStatus> statuses;

    UnhappyVips(int belowRating, Set<UserStatus> statuses) {
        this.belowRating = belowRating;
        this.statuses = EnumSet.copyOf(statuses);
    }

    @Override
    public boolean filter(EnrichedReview review) {
        return review.getRating() < belowRating
                && review.getUserStatus() != null
                && statuses.contains(review.getUserStatus());
    }
}
