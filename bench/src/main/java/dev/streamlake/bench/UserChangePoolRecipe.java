package dev.streamlake.bench;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Debezium changes of the users table in the benchmark's pool, a pure function of the record's
 * index so that the pool can put every change at its own place among the reviews: first a snapshot
 * read of every user ({@link #snapshot}), then changes as MySQL sends them (whole before-images; the
 * before of a change is the row as the user signed up), mostly updates of a user's status, contact
 * details and marketing consent; {@value #DELETE_PERCENT}% deletes and {@value #CREATE_PERCENT}%
 * creates (the user signs up again). Each user ({@code user-0000042}) has a name, email, phone,
 * country and birth date of its own on every run.
 */
final class UserChangePoolRecipe implements EventRecipe<UserChange> {

    private static final long serialVersionUID = 1L;

    static final int DELETE_PERCENT = 2;
    static final int CREATE_PERCENT = 3;

    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "David", "Elif", "Farid", "Greta", "Hugo",
        "Ines", "Jonas", "Kaja", "Luca", "Mia", "Noah", "Olga", "Pavel"};
    private static final String[] LAST_NAMES = {"Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvat",
        "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Müller", "Novak", "Okafor"};
    private static final String[] COUNTRIES = {"DE", "FR", "ES", "GB", "US", "PL", "SE", "NL"};
    /** Bronze, silver, gold and platinum in these percentages. */
    private static final int[] STATUS_PERCENT = {55, 28, 12, 5};

    private static final long USER_SALT = 0x9E3779B97F4A7C15L;
    private static final long SIGN_UP_SPAN_MILLIS = 3L * 365 * 24 * 3600 * 1000;

    @Override
    public UserChange create(EventDraw draw) {
        int user = draw.key();
        SplittableRandom random = draw.random();
        User before = row(user, null, null);
        int op = random.nextInt(100);
        UserChange.Builder change = change(user, draw.eventTime(), false);
        if (op < DELETE_PERCENT) {
            return change.setOp(ChangeOp.DELETE).setBefore(before).build();
        }
        User after = row(user, draw.eventTime(), random);
        if (op < DELETE_PERCENT + CREATE_PERCENT) {
            return change.setOp(ChangeOp.CREATE).setAfter(after).build();
        }
        return change.setOp(ChangeOp.UPDATE).setBefore(before).setAfter(after).build();
    }

    /** The snapshot read of a user: its row as the snapshot found it, at the snapshot's time. */
    UserChange snapshot(int user, Instant at) {
        return change(user, at, true).setOp(ChangeOp.READ).setAfter(row(user, null, null)).build();
    }

    private static UserChange.Builder change(int user, Instant at, boolean snapshot) {
        return UserChange.newBuilder()
                .setKey(userId(user))
                .setSourceTs(at)
                .setSourceConnector("mysql")
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(snapshot)
                .setProcessedAt(at.plusMillis(150));
    }

    static String userId(int user) {
        return String.format(Locale.ROOT, "user-%07d", user);
    }

    /**
     * The user's row: its own profile, and with a change (a random stream and the change's time) a
     * new status, marketing consent and sometimes a new email address; without one, as signed up.
     */
    private static User row(int user, Instant changedAt, SplittableRandom change) {
        SplittableRandom profile = new SplittableRandom(user * USER_SALT + EventPool.SEED);
        String first = FIRST_NAMES[profile.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[profile.nextInt(LAST_NAMES.length)];
        Instant createdAt = Instant.ofEpochMilli(
                Instant.parse("2021-01-01T00:00:00Z").toEpochMilli() + profile.nextLong(SIGN_UP_SPAN_MILLIS));
        UserStatus status = status(profile.nextInt(100));
        boolean optIn = profile.nextBoolean();
        String email = (first + "." + last + user).toLowerCase(Locale.ROOT) + "@example.com";
        String phone = profile.nextInt(5) == 0 ? null
                : String.format(Locale.ROOT, "+49 151 %08d", profile.nextInt(100_000_000));
        String country = profile.nextInt(20) == 0 ? null : COUNTRIES[profile.nextInt(COUNTRIES.length)];
        LocalDate birthDate = profile.nextInt(4) == 0 ? null : LocalDate.of(1950, 1, 1).plusDays(profile.nextInt(50 * 365));
        if (change != null) {
            status = status(change.nextInt(100));
            optIn = change.nextBoolean();
            if (change.nextInt(10) == 0) {
                email = "new." + email;
            }
        }
        return User.newBuilder()
                .setUserId(userId(user))
                .setFullName(first + " " + last)
                .setEmail(email)
                .setPhone(phone)
                .setCountry(country)
                .setBirthDate(birthDate)
                .setStatus(status)
                .setMarketingOptIn(optIn)
                .setCreatedAt(createdAt)
                .setUpdatedAt(changedAt != null ? changedAt : createdAt)
                .build();
    }

    private static UserStatus status(int percentile) {
        int bound = 0;
        for (int i = 0; i < STATUS_PERCENT.length; i++) {
            bound += STATUS_PERCENT[i];
            if (percentile < bound) {
                return UserStatus.values()[i];
            }
        }
        return UserStatus.PLATINUM;
    }
}
