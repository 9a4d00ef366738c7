package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the card detector keeps of one card: its authorisations waiting for the watermark, in the
 * order they will be handled, its expiry deadline, and its history: when it began, the last
 * authorisation, hourly amounts, latest attempts and the last alert of each rule.
 *
 * <p>Few objects per card: with a million cards, each one the card keeps is a cache miss on every
 * authorisation, and live objects are what the garbage collector copies. So the waiting list exists
 * only while something waits (a few seconds of a card's life), and the suppression's map only once
 * the card has an alert.
 */
final class CardActivity {

    /** No time: no history yet, or no deadline. */
    static final long NONE = Long.MIN_VALUE;

    private static final List<CardAuthorisation> NOTHING_WAITING = List.of();

    /** Read-only; empty when nothing waits. */
    List<CardAuthorisation> waiting;
    /**
     * The event time of the card's expiry deadline, NONE if it has none: the card is forgotten then
     * unless it was active since. At most one is pending, whatever the card's rate.
     */
    long expiry = NONE;

    long firstSeen = NONE;
    long lastTs = NONE;
    HourlyAmounts amounts;
    RecentAttempts attempts;
    AlertSuppression suppression;

    CardActivity() {
        this(NOTHING_WAITING, NONE, NONE, NONE, new HourlyAmounts(), new RecentAttempts(), new AlertSuppression());
    }

    /** @param waiting the waiting authorisations in order; the activity keeps the list, or none if empty */
    CardActivity(
            List<CardAuthorisation> waiting,
            long expiry,
            long firstSeen,
            long lastTs,
            HourlyAmounts amounts,
            RecentAttempts attempts,
            AlertSuppression suppression) {
        this.waiting = waiting.isEmpty() ? NOTHING_WAITING : waiting;
        this.expiry = expiry;
        this.firstSeen = firstSeen;
        this.lastTs = lastTs;
        this.amounts = amounts;
        this.attempts = attempts;
        this.suppression = suppression;
    }

    boolean hasHistory() {
        return firstSeen != NONE;
    }

    /**
     * Adds an authorisation to the waiting ones, in order of time and id; false if it is an exact
     * duplicate of one waiting (same id and time).
     */
    boolean await(CardAuthorisation authorisation) {
        long ts = authorisation.getTs().toEpochMilli();
        String id = authorisation.getAuthorisationId();
        int at = waiting.size();
        while (at > 0) {
            CardAuthorisation before = waiting.get(at - 1);
            long beforeTs = before.getTs().toEpochMilli();
            int order = beforeTs != ts ? Long.compare(beforeTs, ts) : before.getAuthorisationId().compareTo(id);
            if (order == 0) {
                return false;
            }
            if (order < 0) {
                break;
            }
            at--;
        }
        if (waiting == NOTHING_WAITING) {
            waiting = new ArrayList<>(2);
        }
        waiting.add(at, authorisation);
        return true;
    }

    /** Forgets the first {@code count} waiting authorisations: they were handled. */
    void handled(int count) {
        if (count == waiting.size()) {
            waiting = NOTHING_WAITING;
        } else {
            waiting.subList(0, count).clear();
        }
    }

    /** Starts the card's history at this time, forgetting any before (after a silence longer than the baseline). */
    void startHistory(long ts) {
        firstSeen = ts;
        lastTs = ts;
        amounts = new HourlyAmounts();
        attempts = new RecentAttempts();
        suppression = new AlertSuppression();
    }

    /** A copy that shares nothing the detector changes (the authorisations themselves it never changes). */
    CardActivity copy() {
        List<CardAuthorisation> waitingCopy = waiting.isEmpty() ? NOTHING_WAITING : new ArrayList<>(waiting);
        return new CardActivity(
                waitingCopy, expiry, firstSeen, lastTs, amounts.copy(), attempts.copy(), suppression.copy());
    }
}
