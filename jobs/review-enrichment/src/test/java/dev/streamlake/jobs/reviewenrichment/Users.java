package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Users, their Debezium changes and reviews for the job's tests. */
final class Users {

    static final String SECRET = "a local test secret of at least thirty-two bytes";

    private Users() {}

    static User user(String id, UserStatus status, long updatedAt) {
        return User.newBuilder()
                .setUserId(id)
                .setFullName("Name of " + id)
                .setEmail(id + "@example.com")
                .setPhone("+46 70 " + Math.abs(id.hashCode() % 1_000_000))
                .setCountry("SE")
                .setBirthDate(LocalDate.of(1980, 2, 3))
                .setStatus(status)
                .setMarketingOptIn(true)
                .setCreatedAt(Instant.ofEpochMilli(1))
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
                .build();
    }

    static UserChange change(ChangeOp op, User before, User after, long sourceTs) {
        return UserChange.newBuilder()
                .setOp(op)
                .setKey(after != null ? after.getUserId() : before.getUserId())
                .setBefore(before)
                .setAfter(after)
                .setSourceTs(Instant.ofEpochMilli(sourceTs))
                .setSourceConnector("mysql")
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(op == ChangeOp.READ)
                .build();
    }

    static ProductReview review(String id, String userId, int rating, long ts) {
        return ProductReview.newBuilder()
                .setReviewId(id)
                .setProductId("product-1")
                .setUserId(userId)
                .setRating(rating)
                .setTitle(null)
                .setBody("text of " + id)
                .setLanguage("en")
                .setVerifiedPurchase(true)
                .setHelpfulVotes(0)
                .setImageUrls(List.of())
                .setTs(Instant.ofEpochMilli(ts))
                .build();
    }
}
