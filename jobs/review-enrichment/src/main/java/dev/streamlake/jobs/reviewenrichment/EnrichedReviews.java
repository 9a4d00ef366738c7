package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.join.AsOfJoinOutput;
import dev.streamlake.core.join.AsOfMatch;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserMatch;

import java.util.ArrayList;

/** A review and the (already pseudonymised) user version it found, as one flat row. */
final class EnrichedReviews implements AsOfJoinOutput<ProductReview, User, EnrichedReview> {

    private static final long serialVersionUID = 1L;

    @Override
    public EnrichedReview join(ProductReview review, User user, AsOfMatch match) {
        EnrichedReview.Builder row = EnrichedReview.newBuilder()
                .setReviewId(review.getReviewId())
                .setProductId(review.getProductId())
                .setUserId(review.getUserId())
                .setRating(review.getRating())
                .setTitle(review.getTitle())
                .setBody(review.getBody())
                .setLanguage(review.getLanguage())
                .setVerifiedPurchase(review.getVerifiedPurchase())
                .setHelpfulVotes(review.getHelpfulVotes())
                // a copy: the review may be reused once this returns
                .setImageUrls(new ArrayList<>(review.getImageUrls()))
                .setTs(review.getTs())
                .setUserMatch(UserMatch.valueOf(match.name()));
        if (user != null) {
            row.setUserFullName(user.getFullName())
                    .setUserEmail(user.getEmail())
                    .setUserPhone(user.getPhone())
                    .setUserCountry(user.getCountry())
                    .setUserStatus(user.getStatus())
                    .setUserMarketingOptIn(user.getMarketingOptIn())
                    .setUserCreatedAt(user.getCreatedAt())
                    .setUserUpdatedAt(user.getUpdatedAt());
        }
        return row.build();
    }
}
