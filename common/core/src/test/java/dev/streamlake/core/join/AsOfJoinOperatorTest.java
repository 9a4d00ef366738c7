package dev.streamlake.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

// Flink's harnesses declare close() throws InterruptedException, which javac's try lint flags.
@SuppressWarnings("try")
class AsOfJoinOperatorTest {

    private static final Duration LONG_RETENTION = Duration.ofMillis(10_000);

    /** The state backend and held keys every test's join uses: heap state here. */
    final ReviewJoinHarness.Joins joins = joins();

    ReviewJoinHarness.Joins joins() {
        return ReviewJoinHarness.Joins.HEAP;
    }

    @Nested
    class AsOfTheReviewsTime {

        @Test
        void joinsEachReviewWithTheVersionValidAtItsTimeNotTheLatest() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 20, "alice gold");
                join.review("alice/r1", 15);
                join.review("alice/r2", 25);
                join.watermark(30);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> alice gold");
                assertThat(join.timestamps()).as("each output carries its review's time").containsExactly(15L, 25L);
                assertThat(join.count(AsOfJoinOperator.JOINED)).isEqualTo(2);
            }
        }

        @Test
        void anUpdateMadeBeforeTheReviewCountsThoughItArrivesAfterIt() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.review("alice/r1", 15);
                join.version("alice", 10, "alice silver");
                join.watermark(20);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
            }
        }

        @Test
        void anUpdateMadeAfterTheReviewDoesNotChangeIt() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 15);
                join.version("alice", 16, "alice gold");
                join.watermark(20);
                join.watermark(40);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
            }
        }

        @Test
        void aReviewAtAVersionsValidFromGetsThatVersion() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 20, "alice gold");
                join.review("alice/r1", 10);
                join.review("alice/r2", 20);
                join.watermark(30);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> alice gold");
            }
        }

        @Test
        void ofTwoVersionsWithTheSameValidFromTheLaterArrivalWins() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "first");
                join.version("alice", 10, "second");
                join.review("alice/r1", 12);
                join.watermark(20);
                join.version("alice", 10, "third");
                join.review("alice/r2", 25);
                join.watermark(30);

                assertThat(join.joined()).containsExactly("alice/r1 -> second", "alice/r2 -> third");
                assertThat(join.count(AsOfJoinOperator.LATE_VERSIONS_APPLIED)).isEqualTo(1);
            }
        }

        @Test
        void versionsArrivingOutOfOrderAreUsedInTheirTimeOrder() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 20, "alice gold");
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 15);
                join.review("alice/r2", 25);
                join.watermark(30);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> alice gold");
            }
        }

        @Test
        void eachKeyIsJoinedWithItsOwnVersions() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.version("bob", 12, "bob gold");
                join.version("alice", 20, "alice gold");
                join.review("bob/r1", 15);
                join.review("alice/r1", 15);
                join.review("alice/r2", 22);
                join.review("bob/r2", 22);
                join.review("carol/r1", 22);
                join.watermark(30);

                assertThat(join.joined()).containsExactlyInAnyOrder(
                        "alice/r1 -> alice silver",
                        "alice/r2 -> alice gold",
                        "bob/r1 -> bob gold",
                        "bob/r2 -> bob gold",
                        "carol/r1 -> NO_VERSION");
            }
        }

        @Test
        void aWatermarkPassingSeveralReviewsAtOnceJoinsEachAsOfItsOwnTime() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 5, "v5");
                join.version("alice", 8, "v8");
                join.version("alice", 9, "v9");
                join.review("alice/r6", 6);
                join.review("alice/r7", 7);
                join.review("alice/r8", 8);
                join.watermark(10);

                assertThat(join.joined()).containsExactly("alice/r6 -> v5", "alice/r7 -> v5", "alice/r8 -> v8");
                assertThat(join.versionsOf("alice")).containsExactly(RowVersion.of("alice", 9, "v9"));
            }
        }
    }

    @Nested
    class MissingVersions {

        @Test
        void aReviewBeforeAnyVersionIsEmittedWithoutTheUserAndCounted() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.review("alice/r1", 5);
                join.version("alice", 10, "alice silver");
                join.review("alice/r2", 12);
                join.review("bob/r1", 12);
                join.watermark(20);

                assertThat(join.joined()).containsExactlyInAnyOrder(
                        "alice/r1 -> NO_VERSION", "alice/r2 -> alice silver", "bob/r1 -> NO_VERSION");
                assertThat(join.count(AsOfJoinOperator.WITHOUT_VERSION)).isEqualTo(2);
                assertThat(join.count(AsOfJoinOperator.JOINED)).isEqualTo(1);
            }
        }

        @Test
        void aReviewAfterItsUserWasDeletedIsEmittedWithoutTheUserAndCounted() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.deleted("alice", 20);
                join.review("alice/r1", 15);
                join.review("alice/r2", 25);
                join.version("alice", 30, "alice again");
                join.review("alice/r3", 35);
                join.watermark(40);

                assertThat(join.joined()).containsExactly(
                        "alice/r1 -> alice silver", "alice/r2 -> DELETED", "alice/r3 -> alice again");
                assertThat(join.count(AsOfJoinOperator.DELETED_BEFORE)).isEqualTo(1);
                assertThat(join.count(AsOfJoinOperator.JOINED)).isEqualTo(2);
            }
        }

        @Test
        void aDeletionThatArrivesBeforeTheReviewAfterItStillCounts() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.watermark(20);
                join.deleted("alice", 30);
                join.review("alice/r1", 35);
                join.watermark(40);

                assertThat(join.joined()).containsExactly("alice/r1 -> DELETED");
            }
        }
    }

    @Nested
    class SnapshotEvents {

        @Test
        void reviewsWaitWhileTheChangelogsSnapshotIsRead() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.review("alice/r1", 150);
                join.review("bob/r1", 160);
                join.reviewsWatermark(500);
                assertThat(join.joined()).as("the changelog's watermark has not moved").isEmpty();

                // The snapshot reads every row; Debezium dates them at the snapshot (source.ts_ms).
                join.version("alice", 100, "alice snapshot");
                join.version("bob", 100, "bob snapshot");
                join.changelogWatermark(200);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice snapshot", "bob/r1 -> bob snapshot");
            }
        }

        @Test
        void aReviewOlderThanTheSnapshotFindsNoVersionUnlessTheJobDatesTheRowBack() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 100, "alice snapshot");
                // A job may date a snapshot row from its own updated-at column instead.
                join.version("bob", 30, "bob snapshot, updated at 30");
                join.review("alice/r1", 50);
                join.review("bob/r1", 60);
                join.version("alice", 200, "alice updated");
                join.review("alice/r2", 150);
                join.review("alice/r3", 250);
                join.watermark(300);

                // Each key's due reviews come together: the order across keys means nothing.
                assertThat(join.joined()).containsExactlyInAnyOrder(
                        "alice/r1 -> NO_VERSION",
                        "bob/r1 -> bob snapshot, updated at 30",
                        "alice/r2 -> alice snapshot",
                        "alice/r3 -> alice updated");
            }
        }
    }

    @Nested
    class Watermarks {

        @Test
        void aReviewWaitsUntilTheWatermarkOfBothInputsPassesIt() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 15);
                join.reviewsWatermark(100);
                join.changelogWatermark(14);
                assertThat(join.joined()).isEmpty();

                join.changelogWatermark(15);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
            }
        }

        @Test
        void anIdleChangelogDoesNotHoldTheJoin() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.changelogWatermark(12);
                join.review("alice/r1", 15);
                join.reviewsWatermark(20);
                assertThat(join.joined()).as("an active changelog at 12 holds the review at 15").isEmpty();

                join.changelogIdle();
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");

                join.review("alice/r2", 25);
                join.reviewsWatermark(30);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> alice silver");
            }
        }

        @Test
        void aReviewAtOrBehindTheWatermarkGoesToTheSideOutputAndIsCounted() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.watermark(20);
                join.review("alice/r1", 15);
                join.review("alice/r2", 20);
                join.review("alice/r3", 21);
                join.watermark(30);

                assertThat(join.tooLate()).containsExactly("alice/r1", "alice/r2");
                assertThat(join.count(AsOfJoinOperator.TOO_LATE)).isEqualTo(2);
                assertThat(join.joined()).containsExactly("alice/r3 -> alice silver");
            }
        }
    }

    @Nested
    class VersionsKept {

        @Test
        void versionsNoReviewCanNeedAreDroppedWhenTheKeyNextHasAVersionOrATimer() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "v10");
                join.version("alice", 20, "v20");
                join.version("alice", 30, "v30");

                join.watermark(25);
                assertThat(join.versionsOf("alice")).as("no timer of their own").hasSize(3);

                join.version("alice", 40, "v40");
                assertThat(join.versionsOf("alice")).containsExactly(
                        RowVersion.of("alice", 20, "v20"), RowVersion.of("alice", 30, "v30"), RowVersion.of("alice", 40, "v40"));

                join.review("alice/r45", 45);
                join.watermark(45);
                assertThat(join.joined()).containsExactly("alice/r45 -> v40");
                assertThat(join.versionsOf("alice")).containsExactly(RowVersion.of("alice", 40, "v40"));
            }
        }

        @Test
        void aVersionArrivingBehindTheKeptOneIsDroppedAndCounted() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 20, "alice gold");
                join.watermark(30);
                join.version("alice", 15, "too late");
                join.review("alice/r1", 35);
                join.watermark(40);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice gold");
                assertThat(join.count(AsOfJoinOperator.LATE_VERSIONS)).isEqualTo(1);
                assertThat(join.versionsOf("alice")).containsExactly(RowVersion.of("alice", 20, "alice gold"));
            }
        }

        @Test
        void aLateVersionBetweenTheKeptOneAndTheWatermarkReplacesIt() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.watermark(30);
                join.version("alice", 25, "alice gold, late");
                join.review("alice/r1", 35);
                join.watermark(40);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice gold, late");
                assertThat(join.count(AsOfJoinOperator.LATE_VERSIONS_APPLIED)).isEqualTo(1);
                assertThat(join.count(AsOfJoinOperator.LATE_VERSIONS)).isZero();
                assertThat(join.versionsOf("alice")).containsExactly(RowVersion.of("alice", 25, "alice gold, late"));
            }
        }
    }

    @Nested
    class Expiry {

        private final Duration retention = Duration.ofMillis(100);

        @Test
        void aVersionCountsForTheRetentionAfterItsValidFrom() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(retention)) {
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 109);
                join.review("alice/r2", 110);
                join.watermark(200);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> NO_VERSION");
            }
        }

        @Test
        void anUpdateRenewsTheRetention() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(retention)) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 80, "alice gold");
                join.review("alice/r1", 150);
                join.watermark(170);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice gold");
                assertThat(join.stateEntries()).as("alice's versions until 180").isPositive();

                join.watermark(180);
                assertThat(join.stateEntries()).isZero();
                assertThat(join.pendingDeadlines()).isZero();
            }
        }

        @Test
        void aKeyWithoutUpdatesForTheRetentionIsClearedAndALaterReviewFindsNoVersion() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(retention)) {
                join.version("alice", 10, "alice silver");
                join.watermark(50);
                assertThat(join.stateEntries()).isPositive();

                join.watermark(110);
                assertThat(join.stateEntries()).isZero();
                assertThat(join.pendingDeadlines()).isZero();
                assertThat(join.count(AsOfJoinOperator.EXPIRED_KEYS)).isEqualTo(1);

                join.review("alice/r1", 120);
                join.watermark(130);
                assertThat(join.joined()).containsExactly("alice/r1 -> NO_VERSION");
                assertThat(join.stateEntries()).isZero();
            }
        }

        @Test
        void versionsStayWhileAWaitingReviewStillNeedsThem() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(retention)) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 50, "alice gold");
                join.review("alice/r1", 120);
                // One watermark past the versions' expiry (150) and the review: timers at 50 and 110 fire first.
                join.watermark(500);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice gold");
                assertThat(join.stateEntries()).isZero();
                assertThat(join.pendingDeadlines()).isZero();
            }
        }
    }

    @Nested
    class WaitBound {

        private final Duration maxWait = Duration.ofSeconds(60);

        @Test
        void aReviewThatWaitedMaxWaitIsEmittedWithTheVersionsKnownThenAndCounted() throws Exception {
            try (ReviewJoinHarness join = joins.withWaitBound(LONG_RETENTION, maxWait)) {
                join.processingTime(1_000);
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 15);
                join.reviewsWatermark(100);
                join.processingTime(60_999);
                assertThat(join.joined()).isEmpty();

                join.processingTime(61_000);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
                assertThat(join.timestamps()).as("the review's time, though the watermark may pass it later")
                        .containsExactly(15L);
                assertThat(join.count(AsOfJoinOperator.EMITTED_BY_WAIT_BOUND)).isEqualTo(1);
                assertThat(join.processingTimeTimers()).isZero();

                join.changelogWatermark(100);
                assertThat(join.joined()).as("emitted once").hasSize(1);
            }
        }

        @Test
        void eachReviewWaitsItsOwnMaxWait() throws Exception {
            try (ReviewJoinHarness join = joins.withWaitBound(LONG_RETENTION, maxWait)) {
                join.processingTime(0);
                join.review("alice/r1", 15);
                join.processingTime(30_000);
                join.review("alice/r2", 16);
                join.review("alice/r3", 15);

                join.processingTime(60_000);
                assertThat(join.joined()).containsExactly("alice/r1 -> NO_VERSION");

                join.processingTime(90_000);
                assertThat(join.joined()).containsExactly(
                        "alice/r1 -> NO_VERSION", "alice/r3 -> NO_VERSION", "alice/r2 -> NO_VERSION");
                assertThat(join.processingTimeTimers()).isZero();
                assertThat(join.stateEntries()).isZero();
            }
        }

        @Test
        void theWaitTimerOfAReviewTheWatermarkReleasedFirstFindsNothingWhenItFires() throws Exception {
            try (ReviewJoinHarness join = joins.withWaitBound(LONG_RETENTION, maxWait)) {
                join.processingTime(0);
                join.review("alice/r1", 15);
                assertThat(join.processingTimeTimers()).isEqualTo(1);

                join.watermark(20);
                assertThat(join.joined()).containsExactly("alice/r1 -> NO_VERSION");
                assertThat(join.stateEntries()).isZero();
                assertThat(join.pendingDeadlines()).isZero();
                assertThat(join.processingTimeTimers()).as("not deleted: it costs less to let it fire").isEqualTo(1);

                join.processingTime(60_000);
                assertThat(join.joined()).as("emitted once").hasSize(1);
                assertThat(join.processingTimeTimers()).isZero();
                assertThat(join.stateEntries()).isZero();
                assertThat(join.count(AsOfJoinOperator.EMITTED_BY_WAIT_BOUND)).isZero();
            }
        }
    }

    @Nested
    class Restore {

        @Test
        void aReviewJoinedBetweenCheckpointsIsNotWaitingAfterARestore() throws Exception {
            OperatorSubtaskState snapshot;
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.snapshot(1);
                join.review("alice/r1", 15);
                join.watermark(20);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
                snapshot = join.snapshot(2);
            }

            try (ReviewJoinHarness restored = joins.restored(LONG_RETENTION, snapshot)) {
                restored.review("alice/r2", 30);
                restored.watermark(40);
                assertThat(restored.joined()).as("r1 not joined again").containsExactly("alice/r2 -> alice silver");
            }
        }

        @Test
        void aReviewACheckpointCaughtWaitingAndJoinedAfterItIsNotWaitingAfterARestore() throws Exception {
            OperatorSubtaskState snapshot;
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.snapshot(1);
                join.review("alice/r1", 15);
                join.snapshot(2);
                join.watermark(20);
                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
                snapshot = join.snapshot(3);
            }

            try (ReviewJoinHarness restored = joins.restored(LONG_RETENTION, snapshot)) {
                restored.watermark(40);
                assertThat(restored.joined()).as("r1 not joined again").isEmpty();
                assertThat(restored.versionsOf("alice")).containsExactly(RowVersion.of("alice", 10, "alice silver"));
            }
        }

        @Test
        void waitingReviewsAndVersionsSurviveARestore() throws Exception {
            OperatorSubtaskState snapshot;
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 15);
                join.review("bob/r1", 17);
                join.watermark(12);
                snapshot = join.snapshot(1);
            }

            try (ReviewJoinHarness restored = joins.restored(LONG_RETENTION, snapshot)) {
                restored.version("alice", 14, "alice gold");
                restored.watermark(20);

                assertThat(restored.joined()).containsExactly("alice/r1 -> alice gold", "bob/r1 -> NO_VERSION");
            }
        }

        @Test
        void aReviewBehindTheWatermarkBeforeTheRestoreIsStillTooLateAfterIt() throws Exception {
            OperatorSubtaskState snapshot;
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.watermark(20);
                join.review("alice/r1", 25);
                snapshot = join.snapshot(1);
            }

            try (ReviewJoinHarness restored = joins.restored(LONG_RETENTION, snapshot)) {
                // Flink starts watermarks afresh after a restore; none has come yet.
                restored.review("alice/r0", 15);
                restored.review("alice/r2", 22);
                restored.watermark(30);

                assertThat(restored.tooLate()).containsExactly("alice/r0");
                assertThat(restored.joined()).containsExactly("alice/r2 -> alice silver", "alice/r1 -> alice silver");
            }
        }

        @Test
        void afterARescaleTheTooLateFloorIsTheLowestWatermarkAnySubtaskHad() throws Exception {
            String first = ReviewJoinHarness.userOfSubtask(2, 0);
            String second = ReviewJoinHarness.userOfSubtask(2, 1);
            OperatorSubtaskState ofFirst;
            try (ReviewJoinHarness join = joins.subtask(LONG_RETENTION, 2, 0)) {
                join.watermark(300);
                join.review(first + "/r1", 400);
                ofFirst = join.snapshot(1);
            }
            OperatorSubtaskState ofSecond;
            try (ReviewJoinHarness join = joins.subtask(LONG_RETENTION, 2, 1)) {
                join.watermark(200);
                join.review(second + "/r1", 400);
                ofSecond = join.snapshot(1);
            }
            OperatorSubtaskState rescaled = AbstractStreamOperatorTestHarness.repartitionOperatorState(
                    AbstractStreamOperatorTestHarness.repackageState(ofFirst, ofSecond),
                    ReviewJoinHarness.MAX_PARALLELISM, 2, 1, 0);

            try (ReviewJoinHarness restored = joins.restored(LONG_RETENTION, rescaled)) {
                restored.review(first + "/r0", 150);
                restored.review(first + "/r2", 250);
                restored.watermark(500);

                assertThat(restored.tooLate()).containsExactly(first + "/r0");
                assertThat(restored.joined()).containsExactlyInAnyOrder(
                        first + "/r2 -> NO_VERSION", first + "/r1 -> NO_VERSION", second + "/r1 -> NO_VERSION");
            }
        }
    }

    @Nested
    class StateCleanUp {

        @Test
        void everyStateEntryAndTimerGoesOnceTheWatermarkPassesTheReviewsAndTheRetention() throws Exception {
            try (ReviewJoinHarness join = joins.withWaitBound(Duration.ofMillis(100), Duration.ofSeconds(60))) {
                join.version("alice", 10, "alice silver");
                join.version("alice", 20, "alice gold");
                join.deleted("bob", 12);
                join.version("carol", 5, "carol");
                for (String review : Arrays.asList("alice/r1", "bob/r1", "carol/r1", "dave/r1")) {
                    join.review(review, 30);
                }
                join.review("alice/r2", 40);
                assertThat(join.stateEntries()).isPositive();
                assertThat(join.pendingDeadlines()).isPositive();
                assertThat(join.processingTimeTimers()).isPositive();

                join.watermark(35);
                assertThat(join.joined()).as("alice/r2 still waits").hasSize(4);

                join.watermark(1_000);
                join.processingTime(60_000);
                assertThat(join.joined()).hasSize(5);
                assertThat(join.stateEntries()).isZero();
                assertThat(join.pendingDeadlines()).isZero();
                assertThat(join.processingTimeTimers()).isZero();
            }
        }

        @Test
        void theEndOfTheInputsJoinsAReviewThatWaitsPastItsUsersExpiryWithNoVersion() throws Exception {
            try (ReviewJoinHarness join = joins.withWaitBound(Duration.ofMillis(100), Duration.ofSeconds(60))) {
                join.version("alice", 10, "alice silver");
                join.review("alice/r1", 50);
                join.review("alice/r2", 500);
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> join.watermark(Long.MAX_VALUE));
                join.processingTime(60_000);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver", "alice/r2 -> NO_VERSION");
                assertThat(join.processingTimeTimers()).isZero();
            }
        }

        @Test
        void theEndOfTheInputsEmitsEveryWaitingReviewAndLeavesTheUsersUnexpired() throws Exception {
            try (ReviewJoinHarness join = joins.withRetention(LONG_RETENTION)) {
                join.version("alice", 10, "alice silver");
                join.version("bob", 12, "bob gold");
                join.review("alice/r1", 15);
                join.watermark(Long.MAX_VALUE);

                assertThat(join.joined()).containsExactly("alice/r1 -> alice silver");
                assertThat(join.count(AsOfJoinOperator.EXPIRED_KEYS)).as("no key expires at the end of event time").isZero();
                assertThat(join.stateEntries()).as("both users' versions stay").isEqualTo(2);
            }
        }
    }
}
