package dev.streamlake.jobs.reviewenrichment;

import static dev.streamlake.jobs.reviewenrichment.Users.change;
import static dev.streamlake.jobs.reviewenrichment.Users.review;
import static dev.streamlake.jobs.reviewenrichment.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.UserStatus;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The interleavings of reviews and Debezium changes that matter, through the job's own functions. */
// Flink's harnesses declare close() throws InterruptedException, which javac's try lint flags.
@SuppressWarnings("try")
class ReviewJoinTest {

    private static final Duration RETENTION = Duration.ofMillis(10_000);
    private static final Pseudonymiser PSEUDONYMS = Pseudonymiser.withSecret(Users.SECRET);

    @Test
    void aReviewGetsTheStatusItsUserHadAtItsTimeWhetherTheUpdateCameBeforeOrAfterIt() throws Exception {
        User silver = user("alice", UserStatus.SILVER, 10);
        User platinum = user("alice", UserStatus.PLATINUM, 20);
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.CREATE, null, silver, 10));
            join.review(review("r1", "alice", 2, 15));
            join.change(change(ChangeOp.UPDATE, silver, platinum, 20));
            join.review(review("r2", "alice", 1, 25));
            join.watermark(30);

            assertThat(statuses(join.joined())).containsExactly("r1 SILVER", "r2 PLATINUM");
        }
    }

    @Test
    void aUserVersionArrivingAfterTheReviewButMadeBeforeItCounts() throws Exception {
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.review(review("r1", "alice", 5, 15));
            join.change(change(ChangeOp.CREATE, null, user("alice", UserStatus.GOLD, 12), 12));
            join.watermark(20);

            assertThat(statuses(join.joined())).containsExactly("r1 GOLD");
        }
    }

    @Test
    void aReviewAfterItsUserWasDeletedHasEmptyUserColumns() throws Exception {
        User alice = user("alice", UserStatus.PLATINUM, 10);
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.CREATE, null, alice, 10));
            join.change(change(ChangeOp.DELETE, alice, null, 20));
            join.review(review("r1", "alice", 1, 25));
            join.watermark(30);

            EnrichedReview row = join.joined().get(0);
            assertThat(row.getUserMatch()).isEqualTo(UserMatch.DELETED);
            assertThat(row.getUserStatus()).isNull();
            assertThat(row.getUserEmail()).isNull();
            assertThat(new UnhappyVips(3, java.util.Set.of(UserStatus.PLATINUM)).filter(row))
                    .as("a deleted user is no VIP").isFalse();
        }
    }

    @Test
    void snapshotRowsAreVersionsFromTheSnapshotsTime() throws Exception {
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.READ, null, user("alice", UserStatus.BRONZE, 5), 100));
            join.review(review("r1", "alice", 4, 50));
            join.review(review("r2", "alice", 4, 150));
            join.watermark(200);

            assertThat(statuses(join.joined())).containsExactly("r1 NO_VERSION", "r2 BRONZE");
        }
    }

    @Test
    void aReviewBeforeAnyVersionOfItsUserIsEmittedWithoutUserColumns() throws Exception {
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.review(review("r1", "bob", 3, 10));
            join.change(change(ChangeOp.CREATE, null, user("bob", UserStatus.GOLD, 20), 20));
            join.watermark(30);

            assertThat(statuses(join.joined())).containsExactly("r1 NO_VERSION");
            assertThat(join.joined().get(0).getUserFullName()).isNull();
        }
    }

    @Test
    void anIdleChangelogDoesNotHoldTheReviews() throws Exception {
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.CREATE, null, user("alice", UserStatus.GOLD, 10), 10));
            join.review(review("r1", "alice", 4, 15));
            join.reviewsWatermark(20);
            assertThat(join.joined()).as("the changelog's watermark has not moved").isEmpty();

            join.changelogIdle();
            join.reviewsWatermark(21);

            assertThat(statuses(join.joined())).containsExactly("r1 GOLD");
        }
    }

    @Test
    void personalColumnsArePseudonymisedAndTheBirthDateNeverLeaves() throws Exception {
        User alice = user("alice", UserStatus.GOLD, 10);
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.CREATE, null, alice, 10));
            join.review(review("r1", "alice", 4, 15));
            join.watermark(20);

            EnrichedReview row = join.joined().get(0);
            assertThat(row.getUserFullName()).isEqualTo(PSEUDONYMS.pseudonym(alice.getFullName()));
            assertThat(row.getUserEmail()).isEqualTo(PSEUDONYMS.pseudonym(alice.getEmail())).hasSize(64);
            assertThat(row.getUserPhone()).isEqualTo(PSEUDONYMS.pseudonym(alice.getPhone()));
            assertThat(row.getUserCountry()).as("not a configured personal column").isEqualTo("SE");
            assertThat(row.toString())
                    .doesNotContain(alice.getFullName(), alice.getEmail(), alice.getPhone(), "1980");
        }
    }

    @Test
    void theUsersStateIsGoneOnceTheRetentionHasPassed() throws Exception {
        try (ReviewJoinHarness join = new ReviewJoinHarness(RETENTION)) {
            join.change(change(ChangeOp.CREATE, null, user("alice", UserStatus.GOLD, 10), 10));
            join.review(review("r1", "alice", 4, 15));
            join.watermark(20);
            assertThat(join.stateEntries()).isPositive();

            join.watermark(10 + RETENTION.toMillis() + 1);

            assertThat(join.stateEntries()).isZero();
            assertThat(join.pendingDeadlines()).isZero();
        }
    }

    private static List<String> statuses(List<EnrichedReview> rows) {
        return rows.stream()
                .map(row -> row.getReviewId() + " "
                        + (row.getUserMatch() == UserMatch.FOUND ? row.getUserStatus() : row.getUserMatch()))
                .collect(Collectors.toList());
    }
}
