package dev.streamlake.jobs.reviewenrichment.generator;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Picks the user an event at a given time names, from the {@link UserPopulation}: mostly a user
 * whose row exists then, and with the given shares a deleted user, one who signs up only later,
 * or one the users table never had. The existing users are those whose seat's last change is due
 * at or before the time and whose next change, a delete among them, lies beyond the users'
 * out-of-orderness after it, so the join finds what was meant whatever order the changelog's
 * records arrive in (a late change may still alter it, as it would in production).
 */
final class UserReferences implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Seats tried for a wanted kind before settling for another. */
    private static final int TRIES = 32;

    /** How many rounds back a deleted user, or ahead a new one, is looked for. */
    private static final int ROUNDS_AROUND = 16;

    private final UserPopulation users;
    private final double deletedShare;
    private final double notYetShare;
    private final double unknownShare;

    UserReferences(UserPopulation users, double deletedShare, double notYetShare, double unknownShare) {
        this.users = users;
        this.deletedShare = deletedShare;
        this.notYetShare = notYetShare;
        this.unknownShare = unknownShare;
    }

    UserReference at(long millis, SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < unknownShare) {
            return unknown(random);
        }
        if (kind < unknownShare + notYetShare) {
            return notYet(millis, random);
        }
        if (kind < unknownShare + notYetShare + deletedShare) {
            UserReference deleted = deleted(millis, random);
            if (deleted != null) {
                return deleted;
            }
        }
        return existing(millis, random);
    }

    /** A user of the second round's numbers, which are never inserted. */
    private UserReference unknown(SplittableRandom random) {
        return UserReference.of(
                UserReference.Kind.UNKNOWN, UserPopulation.userId(users.userNumber(random.nextInt(users.seats()), 1)));
    }

    private UserReference existing(long millis, SplittableRandom random) {
        for (int i = 0; i < TRIES; i++) {
            int seat = random.nextInt(users.seats());
            long round = users.lastRoundAt(seat, millis);
            if (round >= 0 && !users.deletes(seat, round) && users.isAfter(seat, round + 1, millis)) {
                return UserReference.existing(users.rowAfter(seat, round));
            }
        }
        // Before the snapshot has got far, few users exist yet.
        return notYet(millis, random);
    }

    /** The user of a seat whose delete is due before the time; null if none was found. */
    private UserReference deleted(long millis, SplittableRandom random) {
        for (int i = 0; i < TRIES; i++) {
            int seat = random.nextInt(users.seats());
            long last = users.lastRoundAt(seat, millis);
            for (long round = last; round >= 1 && round > last - ROUNDS_AROUND; round--) {
                if (users.deletes(seat, round)) {
                    long number = users.userNumber(seat, users.insertedIn(seat, round - 1));
                    return UserReference.of(UserReference.Kind.DELETED, UserPopulation.userId(number));
                }
            }
        }
        return null;
    }

    /**
     * A user inserted after the time: one of a later round, or of the snapshot while it is still
     * being read; an unknown user when the changelog holds none such any more.
     */
    private UserReference notYet(long millis, SplittableRandom random) {
        for (int i = 0; i < TRIES; i++) {
            int seat = random.nextInt(users.seats());
            long last = users.lastRoundAt(seat, millis);
            for (long round = Math.max(0, last + 1); round <= last + ROUNDS_AROUND; round++) {
                if (!users.happens(users.indexOf(seat, round))) {
                    break;
                }
                if ((round == 0 || users.inserts(seat, round)) && users.isAfter(seat, round, millis)) {
                    long number = users.userNumber(seat, round);
                    return UserReference.of(UserReference.Kind.NOT_YET, UserPopulation.userId(number));
                }
            }
        }
        return unknown(random);
    }
}
