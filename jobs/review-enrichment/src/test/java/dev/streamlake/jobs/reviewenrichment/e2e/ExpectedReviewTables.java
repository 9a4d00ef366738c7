package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.DeadLetterSealer;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.VipAction;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.TableAssertions;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/** What the job must write for the records sent, from the oracle, with the checks that the data means what the test says. */
final class ExpectedReviewTables {

    /** How the reason of a dead letter sealed with the tests' key starts: it names that key. */
    private static final String SEALED_WITH_TEST_KEY =
            DeadLetterSealer.SEALED_PREFIX + DeadLetterSealer.keyId(ReviewJob.SECRET) + "; ";

    final SentTraffic sent;
    final ReviewEnrichmentOracle.Outcome outcome;

    private ExpectedReviewTables(SentTraffic sent, ReviewEnrichmentOracle.Outcome outcome) {
        this.sent = sent;
        this.outcome = outcome;
    }

    /** The oracle's outcome; fails if any decision in it would depend on read speed. */
    static ExpectedReviewTables of(SentTraffic sent) {
        ReviewEnrichmentOracle.Outcome outcome = new ReviewEnrichmentOracle(ReviewJob.rules()).run(sent);
        assertThat(outcome.ambiguities).as("decisions of the oracle that read speed could change").isEmpty();
        return new ExpectedReviewTables(sent, outcome);
    }

    /** The data holds every case of the contract worth an end-to-end test. */
    void assertEveryCaseHappens() {
        assertThat(outcome.count(UserMatch.FOUND)).as("reviews that found their user").isGreaterThan(100);
        assertThat(outcome.count(UserMatch.NO_VERSION)).as("reviews that found no version").isGreaterThanOrEqualTo(5);
        assertThat(outcome.count(UserMatch.DELETED)).as("reviews after their user was deleted").isGreaterThanOrEqualTo(3);
        assertThat(outcome.lateReviews).as("too-late reviews").hasSizeGreaterThanOrEqualTo(3);
        assertThat(outcome.unhappyVips).as("unhappy VIPs").hasSizeGreaterThanOrEqualTo(5);
        assertThat(outcome.lateVersions).as("user versions behind the users' watermark").hasSize(2);
        assertThat(sent.all().stream().filter(Sent::isTombstone).count()).as("tombstones").isPositive();
    }

    /** Actions too: the data holds VIP actions and too-late ones. */
    void assertEveryActionCaseHappens() {
        assertThat(outcome.vipActions).as("VIP actions").hasSizeGreaterThanOrEqualTo(5);
        assertThat(outcome.lateActions).as("too-late actions").hasSizeGreaterThanOrEqualTo(2);
        assertThat(outcome.actionMatches.getOrDefault(UserMatch.DELETED, 0)).as("actions after a delete").isPositive();
    }

    /** Every table but the dead letters, row for row; a failure tells the differences in all. */
    void assertTablesEqual(ReviewLakeTables tables) {
        List<Runnable> checks = List.of(
                () -> TableAssertions.assertRowsEqual(
                        "enriched-reviews", tables.rows(ReviewEnrichmentJob.ENRICHED), outcome.enriched,
                        row -> (String) row.get("review_id"), EnrichedReview::getReviewId, Set.of(), "event_date", "ts"),
                () -> TableAssertions.assertRowsEqual(
                        "unhappy-vips", tables.rows(ReviewEnrichmentJob.UNHAPPY_VIPS_TABLE), outcome.unhappyVips,
                        row -> (String) row.get("review_id"), EnrichedReview::getReviewId, Set.of(), "event_date", "ts"),
                () -> TableAssertions.assertRowsEqual(
                        "late-reviews", tables.rows(ReviewEnrichmentJob.LATE_REVIEWS), outcome.lateReviews,
                        row -> (String) row.get("review_id"), ProductReview::getReviewId, Set.of(), "event_date", "ts"),
                () -> TableAssertions.assertRowsEqual(
                        "vip-actions", tables.rows(ReviewEnrichmentJob.VIP_ACTIONS), outcome.vipActions,
                        row -> (String) row.get("action_id"), VipAction::getActionId, Set.of(), "event_date", "ts"),
                () -> TableAssertions.assertRowsEqual(
                        "late-actions", tables.rows(ReviewEnrichmentJob.LATE_ACTIONS), outcome.lateActions,
                        row -> (String) row.get("action_id"), ClickAction::getActionId, Set.of(), "event_date", "ts"));
        TableAssertions.assertAllTables(checks);
    }

    /**
     * Each bad record once, with its original bytes (those of the users sealed, and opened again
     * with the secret) and a reason holding the words expected; the users' reasons say they are
     * sealed; nothing else.
     */
    void assertDeadLetters(List<DeadLetterRow> rows, ToIntFunction<DeadLetterRow> positionOf) {
        TableAssertions.assertDeadLetters(
                rows, new TreeSet<>(outcome.deadLetters.keySet()), position -> sent.at(position).value,
                sent::describe, positionOf, row -> originalBytes(row, sent.at(positionOf.applyAsInt(row))));
        List<String> wrongReasons = new ArrayList<>();
        for (DeadLetterRow row : rows) {
            Sent record = sent.at(positionOf.applyAsInt(row));
            boolean sealed = record.feed == Feed.USERS;
            if (!row.errorMessage.contains(record.badReason)
                    || sealed != row.errorMessage.startsWith(SEALED_WITH_TEST_KEY)) {
                wrongReasons.add(record.description + ": " + row.errorClass + ": " + row.errorMessage
                        + " (expected " + (sealed ? "sealed, " : "") + "with \"" + record.badReason + "\")");
            }
        }
        assertThat(wrongReasons).as("dead letters with another reason than expected").isEmpty();
    }

    private static byte[] originalBytes(DeadLetterRow row, Sent record) {
        if (record.feed != Feed.USERS) {
            return row.raw;
        }
        try {
            return DeadLetterSealer.unseal(ReviewJob.SECRET, row.raw);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the sealed dead letter of " + record.description + " does not open", e);
        }
    }
}
