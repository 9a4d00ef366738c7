package dev.streamlake.jobs.cardanomalies;

/**
 * What the card detector remembers of one card: when its history began, its last authorisation,
 * its hourly amounts, its latest attempts and its last alert of each rule.
 */
final class CardActivity {

    /** No expiry timer is registered. */
    static final long NO_TIMER = Long.MIN_VALUE;

    long firstSeen;
    long lastTs;
    /** The event time at which the card's state is dropped unless it had an authorisation since. */
    long expiryTimer = NO_TIMER;
    HourlyAmounts amounts;
    RecentAttempts attempts;
    AlertSuppression suppression;

    CardActivity(long firstSeen) {
        this(firstSeen, firstSeen, NO_TIMER, new HourlyAmounts(), new RecentAttempts(), new AlertSuppression());
    }

    CardActivity(
            long firstSeen,
            long lastTs,
            long expiryTimer,
            HourlyAmounts amounts,
            RecentAttempts attempts,
            AlertSuppression suppression) {
        this.firstSeen = firstSeen;
        this.lastTs = lastTs;
        this.expiryTimer = expiryTimer;
        this.amounts = amounts;
        this.attempts = attempts;
        this.suppression = suppression;
    }

    /** Forgets the card's history, as after a silence longer than the baseline; its timer stays. */
    void restart(long ts) {
        firstSeen = ts;
        lastTs = ts;
        amounts = new HourlyAmounts();
        attempts = new RecentAttempts();
        suppression = new AlertSuppression();
    }

    CardActivity copy() {
        return new CardActivity(firstSeen, lastTs, expiryTimer, amounts.copy(), attempts.copy(), suppression.copy());
    }
}
