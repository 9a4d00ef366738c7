package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.User;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The users table the generators make up, as a pure function of the users generator's settings:
 * every generator that needs a user (the users changelog, reviews, clicks) computes the same one
 * for the same time, whichever reader, split or restart asks.
 *
 * <p>The table has {@code keys} seats, each held by one user at a time. Changelog record {@code i}
 * is due at {@code start-time + i * event-interval} and changes one seat: the first {@code keys}
 * records are the snapshot (seat {@code i} read, in key order), then each round of {@code keys}
 * records changes every seat once, in an order of its own. In its round a seat's user is updated
 * (mostly the status; sometimes the email, phone, country or marketing consent) or, with a share
 * of {@value #DELETE_SHARE}, deleted; the round after a delete inserts a new user into the seat.
 * So no user lives forever, and a user's row follows from the few rounds since it was inserted.
 *
 * <p>User numbers: the snapshot's users are 0 to {@code keys - 1}; a user inserted in round
 * {@code r} into seat {@code s} is {@code r * keys + s}. Round 1 inserts no one (round 0 deletes
 * no one), so the numbers {@code keys} to {@code 2 * keys - 1} never exist: the unknown users.
 */
public final class UserPopulation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Share of a seat's changes in a round (after the snapshot) that delete its user. */
    static final double DELETE_SHARE = 0.04;

    private final long seed;
    private final int seats;
    private final long startMillis;
    private final long intervalMillis;
    private final long count;
    private final long maxOutOfOrdernessMillis;

    private UserPopulation(GeneratorSettings users) {
        this.seed = users.seed();
        this.seats = users.keys();
        this.startMillis = users.startTime().toEpochMilli();
        this.intervalMillis = users.eventInterval().toMillis();
        this.count = users.count();
        this.maxOutOfOrdernessMillis = users.maxOutOfOrderness().toMillis();
    }

    /** The population whose changes the users generator with these settings makes. */
    public static UserPopulation of(GeneratorSettings users) {
        return new UserPopulation(users);
    }

    public int seats() {
        return seats;
    }

    /** The id of user number {@code number}, e.g. {@code user-0000042}. */
    public static String userId(long number) {
        return String.format(Locale.ROOT, "user-%07d", number);
    }

    // --- where each change stands in the changelog

    /** The seat changelog record {@code index} changes. */
    int seatAt(long index) {
        long round = index / seats;
        int position = (int) (index % seats);
        if (round == 0) {
            return position;
        }
        long[] order = order(round);
        return (int) ((order[0] * position + order[1]) % seats);
    }

    /** The changelog index of a seat's change in a round. */
    long indexOf(int seat, long round) {
        if (round == 0) {
            return seat;
        }
        long[] order = order(round);
        long position = Math.floorMod((seat - order[1]) * order[2], (long) seats);
        return round * seats + position;
    }

    /** Whether the changelog gets as far as record {@code index}. */
    boolean happens(long index) {
        return count == 0 || index < count;
    }

    long dueMillis(long index) {
        return startMillis + index * intervalMillis;
    }

    /**
     * A round's order of the seats, {@code seat = (a * position + b) mod seats}: {a, b, a's inverse
     * modulo seats}.
     */
    private long[] order(long round) {
        if (seats == 1) {
            return new long[] {1, 0, 1};
        }
        SplittableRandom random = PopulationRandom.ROUND_ORDER.at(seed, round);
        long a;
        do {
            a = 1 + random.nextInt(seats - 1);
        } while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(seats)).intValue() != 1);
        long inverse = BigInteger.valueOf(a).modInverse(BigInteger.valueOf(seats)).longValue();
        return new long[] {a, random.nextInt(seats), inverse};
    }

    // --- what each change does

    private SplittableRandom change(int seat, long round) {
        return PopulationRandom.CHANGE.at(seed, seat, round);
    }

    /** Whether the seat's change in the round deletes its user. */
    boolean deletes(int seat, long round) {
        // A round right after a delete inserts; so a delete stands where an odd number of rounds in
        // a row would have deleted.
        int run = 0;
        for (long r = round; r >= 1 && change(seat, r).nextDouble() < DELETE_SHARE; r--) {
            run++;
        }
        return run % 2 == 1;
    }

    /** Whether the seat's change in the round inserts a new user. */
    boolean inserts(int seat, long round) {
        return round >= 1 && deletes(seat, round - 1);
    }

    /** The round in which the seat's user as of the given round was inserted; 0 for the snapshot's. */
    long insertedIn(int seat, long round) {
        for (long r = round; r >= 1; r--) {
            if (inserts(seat, r)) {
                return r;
            }
        }
        return 0;
    }

    long userNumber(int seat, long insertedIn) {
        return insertedIn * seats + seat;
    }

    /**
     * The seat's row after its change in the round: its user as inserted (or read by the
     * snapshot), changed by every round since. Not for a round that deletes the user.
     */
    User rowAfter(int seat, long round) {
        long inserted = insertedIn(seat, round);
        long number = userNumber(seat, inserted);
        long createdMillis = inserted == 0 ? 0 : dueMillis(indexOf(seat, inserted));
        UserProfile profile = UserProfile.of(PopulationRandom.PERSON.at(seed, number), userId(number), startMillis, createdMillis);
        for (long r = inserted + 1; r <= round; r++) {
            SplittableRandom random = change(seat, r);
            random.nextDouble(); // the delete draw, which came out no
            profile.change(random, dueMillis(indexOf(seat, r)));
        }
        return profile.row();
    }

    // --- the seat as of a time

    /** The last changelog record due at or before the time; -1 before the first. */
    private long lastIndexAt(long millis) {
        long index = Math.floorDiv(millis - startMillis, intervalMillis);
        return count == 0 ? index : Math.min(index, count - 1);
    }

    /** The seat's last round whose change is due at or before the time; -1 if none is. */
    long lastRoundAt(int seat, long millis) {
        long last = lastIndexAt(millis);
        if (last < 0) {
            return -1;
        }
        long round = last / seats;
        return indexOf(seat, round) <= last ? round : round - 1;
    }

    /**
     * Whether the seat's change in the round, if there is one, is sure to stand after the time in
     * event time: an on-time record's event time lies at most the out-of-orderness before its due
     * time, never after it; so a change due at or before a time stands before it.
     */
    boolean isAfter(int seat, long round, long millis) {
        long index = indexOf(seat, round);
        return !happens(index) || dueMillis(index) - maxOutOfOrdernessMillis > millis;
    }
}
