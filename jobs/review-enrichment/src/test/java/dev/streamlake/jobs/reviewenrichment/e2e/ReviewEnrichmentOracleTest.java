package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.ActionKind;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.UserStatus;
import dev.streamlake.events.VipAction;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The oracle itself on small cases worked out by hand from the as-of join's contract. */
class ReviewEnrichmentOracleTest {

    private static final Instant T = Instant.parse("2024-05-06T00:00:00Z");
    private static final Pseudonymiser PSEUDONYMS = Pseudonymiser.withSecret(ReviewJob.SECRET);

    private final SentTraffic sent = new SentTraffic();

    @Test
    void aReviewFindsTheVersionValidAtItsTimePseudonymisedWithoutBirthDate() {
        User created = user("u-1", UserStatus.SILVER, "+44 7700 900001", at(0));
        User promoted = User.newBuilder(created).setStatus(UserStatus.GOLD).setEmail("new@example.org")
                .setUpdatedAt(at(120)).build();
        change(ChangeOp.CREATE, null, created, at(0));
        review("r-before-update", "u-1", at(60), 4);
        change(ChangeOp.UPDATE, created, promoted, at(120));
        review("r-at-update", "u-1", at(120), 4);
        review("r-after-update", "u-1", at(180), 4);

        Map<String, EnrichedReview> rows = enriched(run());

        assertThat(rows.get("r-before-update").getUserMatch()).isEqualTo(UserMatch.FOUND);
        assertThat(rows.get("r-before-update").getUserStatus()).isEqualTo(UserStatus.SILVER);
        assertThat(rows.get("r-before-update").getUserEmail()).isEqualTo(PSEUDONYMS.pseudonym(created.getEmail()));
        assertThat(rows.get("r-before-update").getUserFullName()).isEqualTo(PSEUDONYMS.pseudonym("Ada Lovelace"));
        assertThat(rows.get("r-before-update").getUserPhone()).isEqualTo(PSEUDONYMS.pseudonym("+44 7700 900001"));
        assertThat(rows.get("r-before-update").getUserCountry()).isEqualTo("GB");
        assertThat(rows.get("r-at-update").getUserStatus()).isEqualTo(UserStatus.GOLD);
        assertThat(rows.get("r-at-update").getUserEmail()).isEqualTo(PSEUDONYMS.pseudonym("new@example.org"));
        assertThat(rows.get("r-after-update").getUserUpdatedAt()).isEqualTo(at(120));
        assertThat(rows.get("r-after-update").getSchema().getField("user_birth_date")).isNull();
    }

    @Test
    void noVersionBeforeTheFirstChangeOrPastTheRetentionAndDeletedAfterADelete() {
        User row = user("u-1", UserStatus.GOLD, null, at(0));
        review("r-before-any", "u-1", at(-30), 4);
        change(ChangeOp.READ, null, row, at(0));
        review("r-last-ms-of-retention", "u-1", at(0).plus(Duration.ofDays(2)).minusMillis(1), 4);
        review("r-retention-passed", "u-1", at(0).plus(Duration.ofDays(2)), 4);
        change(ChangeOp.DELETE, row, null, at(0).plus(Duration.ofDays(2)).plusSeconds(60));
        sent.tombstone("u-1");
        review("r-after-delete", "u-1", at(0).plus(Duration.ofDays(2)).plusSeconds(120), 4);

        ReviewEnrichmentOracle.Outcome outcome = run();
        Map<String, EnrichedReview> rows = enriched(outcome);

        assertThat(rows.get("r-before-any").getUserMatch()).isEqualTo(UserMatch.NO_VERSION);
        assertThat(rows.get("r-before-any").getUserStatus()).isNull();
        assertThat(rows.get("r-last-ms-of-retention").getUserMatch()).isEqualTo(UserMatch.FOUND);
        assertThat(rows.get("r-last-ms-of-retention").getUserPhone()).isNull();
        assertThat(rows.get("r-retention-passed").getUserMatch()).isEqualTo(UserMatch.NO_VERSION);
        assertThat(rows.get("r-after-delete").getUserMatch()).isEqualTo(UserMatch.DELETED);
        assertThat(rows.get("r-after-delete").getUserEmail()).isNull();
        assertThat(outcome.deadLetters).as("a tombstone is no dead letter").isEmpty();
    }

    @Test
    void ofTwoChangesInOneMillisecondTheOneSentLaterWins() {
        User first = user("u-1", UserStatus.SILVER, null, at(10));
        User second = User.newBuilder(first).setStatus(UserStatus.PLATINUM).build();
        change(ChangeOp.CREATE, null, first, at(10));
        change(ChangeOp.UPDATE, first, second, at(10));
        review("r", "u-1", at(10), 1);

        assertThat(enriched(run()).get("r").getUserStatus()).isEqualTo(UserStatus.PLATINUM);
    }

    @Test
    void aReviewWaitsForTheWatermarkSoAChangeSentAfterItStillCounts() {
        User row = user("u-1", UserStatus.SILVER, null, at(0));
        change(ChangeOp.CREATE, null, row, at(0));
        review("r", "u-1", at(50), 4);
        // sent after the review, 20 minutes before it: within the out-of-orderness, not behind the watermark
        change(ChangeOp.UPDATE, row, User.newBuilder(row).setStatus(UserStatus.BRONZE).build(), at(30));

        ReviewEnrichmentOracle.Outcome outcome = run();

        assertThat(enriched(outcome).get("r").getUserStatus()).isEqualTo(UserStatus.BRONZE);
        assertThat(outcome.lateVersions).isEmpty();
        assertThat(outcome.ambiguities).isEmpty();
    }

    @Test
    void aReviewFarBehindTheWatermarksIsTooLateAndOneCloseBehindIsAmbiguous() {
        User row = user("u-1", UserStatus.SILVER, null, at(0));
        change(ChangeOp.CREATE, null, row, at(0));
        change(ChangeOp.UPDATE, row, row, at(0).plus(Duration.ofDays(3)));
        review("r-on-time", "u-1", at(0).plus(Duration.ofDays(3)), 4);
        review("r-too-late", "u-1", at(0).plus(Duration.ofHours(1)), 4);
        review("r-half-an-hour-late", "u-1", at(0).plus(Duration.ofDays(3)).minus(Duration.ofMinutes(90)), 4);

        ReviewEnrichmentOracle.Outcome outcome = run();

        // A single reader finds the one half an hour behind too late too, but no reader of partitions need.
        assertThat(outcome.lateReviews).extracting(ProductReview::getReviewId)
                .containsExactly("r-too-late", "r-half-an-hour-late");
        assertThat(enriched(outcome)).containsOnlyKeys("r-on-time");
        assertThat(outcome.ambiguities).hasSize(1).allSatisfy(what -> assertThat(what).contains("r-half-an-hour-late"));
    }

    @Test
    void aReviewIsNotTooLateWhileTheUsersWatermarkIsBehindItButThatIsAmbiguous() {
        change(ChangeOp.CREATE, null, user("u-1", UserStatus.SILVER, null, at(0)), at(0));
        review("r-1", "u-1", at(0).plus(Duration.ofDays(3)), 4);
        review("r-2", "u-1", at(0).plus(Duration.ofDays(1)), 4);

        ReviewEnrichmentOracle.Outcome outcome = run();

        assertThat(outcome.lateReviews).isEmpty();
        assertThat(outcome.ambiguities).hasSize(1).allSatisfy(what -> assertThat(what).contains("r-2"));
    }

    @Test
    void aVersionBehindTheUsersWatermarkCountsForReviewsAfterThatWatermarkAndMakesThoseBetweenAmbiguous() {
        User row = user("u-1", UserStatus.SILVER, null, at(0));
        User other = user("u-2", UserStatus.SILVER, null, at(0));
        change(ChangeOp.CREATE, null, row, at(0));
        change(ChangeOp.CREATE, null, other, at(0));
        change(ChangeOp.UPDATE, other, other, at(0).plus(Duration.ofHours(30)));
        // a day behind the users' watermark (30 h less an hour)
        change(ChangeOp.UPDATE, row, User.newBuilder(row).setStatus(UserStatus.PLATINUM).build(), at(0).plus(Duration.ofHours(5)));
        review("r-before-late-version", "u-1", at(0).plus(Duration.ofHours(4)), 4);
        review("r-between", "u-1", at(0).plus(Duration.ofHours(10)), 4);
        review("r-after-watermark", "u-1", at(0).plus(Duration.ofHours(31)), 4);

        ReviewEnrichmentOracle.Outcome outcome = run();
        Map<String, EnrichedReview> rows = enriched(outcome);

        assertThat(outcome.lateVersions).hasSize(1);
        assertThat(rows.get("r-before-late-version").getUserStatus()).isEqualTo(UserStatus.SILVER);
        assertThat(rows.get("r-after-watermark").getUserStatus()).isEqualTo(UserStatus.PLATINUM);
        assertThat(outcome.ambiguities).hasSize(1).allSatisfy(what -> assertThat(what).contains("r-between"));
    }

    @Test
    void unhappyVipsAreLowRatingsOfTheGivenStatusesAndVipActionsThoseOfVipStatuses() {
        change(ChangeOp.CREATE, null, user("u-gold", UserStatus.GOLD, null, at(0)), at(0));
        change(ChangeOp.CREATE, null, user("u-bronze", UserStatus.BRONZE, null, at(0)), at(0));
        change(ChangeOp.CREATE, null, user("u-platinum", UserStatus.PLATINUM, null, at(0)), at(0));
        review("gold-2", "u-gold", at(10), 2);
        review("gold-3", "u-gold", at(11), 3);
        review("bronze-1", "u-bronze", at(12), 1);
        review("unknown-1", "u-nobody", at(13), 1);
        click("a-platinum", "u-platinum", at(14));
        click("a-gold", "u-gold", at(15));
        click("a-nobody", "u-nobody", at(16));

        ReviewEnrichmentOracle.Outcome outcome = run();

        assertThat(outcome.unhappyVips).extracting(EnrichedReview::getReviewId).containsExactly("gold-2");
        assertThat(outcome.vipActions).extracting(VipAction::getActionId).containsExactly("a-platinum");
        assertThat(outcome.vipActions.get(0).getUserCountry()).isEqualTo("GB");
        assertThat(outcome.joinedActions).hasSize(3);
    }

    @Test
    void badRecordsAreDeadLettersThatMoveNoWatermark() {
        change(ChangeOp.CREATE, null, user("u-1", UserStatus.GOLD, null, at(0)), at(0));
        sent.bad(Feed.REVIEWS, "u-1", null, "not JSON".getBytes(StandardCharsets.UTF_8), "JSON", "bad review");
        sent.bad(Feed.USERS, "u-1", null, "{}".getBytes(StandardCharsets.UTF_8), "op", "bad change");
        review("r", "u-1", at(5), 4);

        ReviewEnrichmentOracle.Outcome outcome = run();

        assertThat(outcome.deadLetters).containsOnlyKeys(1, 2);
        assertThat(enriched(outcome)).containsOnlyKeys("r");
    }

    @Test
    void theGeneratedTrafficHoldsEveryCaseAndNoDecisionThatReadSpeedCouldChange() {
        ExpectedReviewTables expected = ExpectedReviewTables.of(ReviewTraffic.generate(new ReviewTraffic.Shape()));
        expected.assertEveryCaseHappens();
        expected.assertEveryActionCaseHappens();
        ExpectedReviewTables.of(ReviewTraffic.generate(new ReviewTraffic.Shape().withBadRecords()))
                .assertEveryCaseHappens();
    }

    private ReviewEnrichmentOracle.Outcome run() {
        return new ReviewEnrichmentOracle(ReviewJob.rules()).run(sent);
    }

    private static Map<String, EnrichedReview> enriched(ReviewEnrichmentOracle.Outcome outcome) {
        return outcome.enriched.stream().collect(Collectors.toMap(EnrichedReview::getReviewId, Function.identity()));
    }

    private static Instant at(long minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    private static User user(String id, UserStatus status, String phone, Instant at) {
        return User.newBuilder()
                .setUserId(id)
                .setFullName("Ada Lovelace")
                .setEmail(id + "@example.org")
                .setPhone(phone)
                .setCountry("GB")
                .setBirthDate(LocalDate.of(1990, 12, 10))
                .setStatus(status)
                .setMarketingOptIn(true)
                .setCreatedAt(at)
                .setUpdatedAt(at)
                .build();
    }

    private void change(ChangeOp op, User before, User after, Instant ts) {
        String key = after != null ? after.getUserId() : before.getUserId();
        sent.change(op + " " + key, UserChange.newBuilder()
                .setOp(op).setKey(key).setBefore(before).setAfter(after).setSourceTs(ts)
                .setSourceConnector("mysql").setSourceDb("shop").setSourceTable("users")
                .setSnapshot(op == ChangeOp.READ).setTransactionId(null).setProcessedAt(null)
                .build());
    }

    private void review(String id, String userId, Instant ts, int rating) {
        sent.review(id, ProductReview.newBuilder()
                .setReviewId(id).setProductId("p-1").setUserId(userId).setRating(rating).setTitle(null)
                .setBody("fine").setLanguage(null).setVerifiedPurchase(false).setHelpfulVotes(0)
                .setImageUrls(List.of()).setTs(ts)
                .build());
    }

    private void click(String id, String userId, Instant ts) {
        sent.click(id, ClickAction.newBuilder()
                .setActionId(id).setUserId(userId).setSessionId("s").setAction(ActionKind.VIEW).setPage("/")
                .setProductId(null).setTs(ts)
                .build());
    }
}
