package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One user's row as it changes: drawn from the person's own random stream when inserted (name,
 * country, email, phone, birth date, consent, a loyalty status with about 6% Platinum), then
 * changed one column per update. Every personal value is plainly fake: emails at the reserved
 * example domains (RFC 2606), phone numbers in the ranges set aside for drama (US and Canada
 * 555-0100 to 555-0199, UK 07700 900000 to 900999, France 01 99 00 ..).
 */
final class UserProfile {

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Amara", "Bjorn", "Carmen", "Chloe", "Daniel", "Dmitri", "Elena", "Emeka", "Farah",
            "Felix", "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jonas", "Julia", "Kenji", "Lars",
            "Leila", "Lucas", "Maeve", "Mateo", "Mila", "Noah", "Nora", "Olivia", "Omar", "Priya",
            "Rafael", "Rosa", "Sami", "Sofia", "Theo", "Valentina", "Wei", "Yara", "Zoe", "Aiden");

    private static final List<String> LAST_NAMES = List.of(
            "Andersen", "Bakker", "Brennan", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia",
            "Haddad", "Hughes", "Ivanova", "Jansen", "Kowalski", "Laurent", "Lindqvist", "Martin",
            "Moreau", "Murphy", "Nakamura", "Novak", "O'Neill", "Okafor", "Patel", "Quinn", "Rossi",
            "Schmidt", "Silva", "Smith", "Tanaka", "Thompson", "Varga", "Walsh", "Weber", "Young");

    private static final List<String> EMAIL_DOMAINS =
            List.of("example.com", "example.org", "example.net", "mail.example", "inbox.test");

    /** Countries by share of users; phone numbers only where a range for fiction exists. */
    private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "CA", "NL", "ES", "IE", "SE");
    private static final WeightedChoice COUNTRY = new WeightedChoice(30, 20, 12, 10, 8, 6, 6, 4, 4);

    private static final UserStatus[] STATUSES = UserStatus.values();
    private static final WeightedChoice STATUS = new WeightedChoice(55, 27, 12, 6);

    /** Chance that a status change is a promotion, by status; Bronze can only go up, Platinum only down. */
    private static final double[] PROMOTION = {1.0, 0.35, 0.3, 0.0};

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final User.Builder row;
    private final String firstName;
    private final String lastName;

    private UserProfile(User.Builder row, String firstName, String lastName) {
        this.row = row;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    /**
     * The user as inserted; a user of the snapshot ({@code createdMillis} 0) has had an account
     * for a month to six years before the population's start.
     */
    static UserProfile of(SplittableRandom person, String userId, long startMillis, long createdMillis) {
        String first = pick(FIRST_NAMES, person);
        String last = pick(LAST_NAMES, person);
        String country = person.nextDouble() < 0.02 ? null : COUNTRIES.get(COUNTRY.draw(person));
        long created = createdMillis != 0 ? createdMillis : startMillis - person.nextLong(30 * DAY_MILLIS, 6 * 365 * DAY_MILLIS);
        long updated = createdMillis != 0 ? createdMillis : person.nextLong(created, startMillis);
        User.Builder row = User.newBuilder()
                .setUserId(userId)
                .setFullName(first + " " + last)
                .setEmail(email(first, last, person))
                .setPhone(person.nextDouble() < 0.2 ? null : phone(country, person))
                .setCountry(country)
                .setBirthDate(person.nextDouble() < 0.25
                        ? null
                        : LocalDate.ofEpochDay(person.nextLong(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2007, 1, 1).toEpochDay())))
                .setStatus(STATUSES[STATUS.draw(person)])
                .setMarketingOptIn(person.nextDouble() < 0.4)
                .setCreatedAt(Instant.ofEpochMilli(created))
                .setUpdatedAt(Instant.ofEpochMilli(updated));
        return new UserProfile(row, first, last);
    }

    /** One update: mostly the status moves a tier, sometimes the email, phone, country or consent changes. */
    void change(SplittableRandom random, long atMillis) {
        double kind = random.nextDouble();
        if (kind < 0.70) {
            int tier = row.getStatus().ordinal();
            row.setStatus(STATUSES[random.nextDouble() < PROMOTION[tier] ? tier + 1 : tier - 1]);
        } else if (kind < 0.82) {
            row.setEmail(email(firstName, lastName, random));
        } else if (kind < 0.92) {
            row.setPhone(phone(row.getCountry(), random));
        } else if (kind < 0.97) {
            String moved;
            do {
                moved = COUNTRIES.get(COUNTRY.draw(random));
            } while (moved.equals(row.getCountry()));
            row.setCountry(moved);
        } else {
            row.setMarketingOptIn(!row.getMarketingOptIn());
        }
        row.setUpdatedAt(Instant.ofEpochMilli(atMillis));
    }

    User row() {
        return row.build();
    }

    private static String email(String first, String last, SplittableRandom random) {
        String local;
        switch (random.nextInt(4)) {
            case 0:
                local = first + "." + last;
                break;
            case 1:
                local = first.charAt(0) + last;
                break;
            case 2:
                local = first + "." + last + random.nextInt(1, 100);
                break;
            default:
                local = first + random.nextInt(1950, 2010);
                break;
        }
        return local.toLowerCase(Locale.ROOT).replace("'", "") + "@" + pick(EMAIL_DOMAINS, random);
    }

    /** A number as the user typed it, in a range for fiction; none for a country without one. */
    private static String phone(String country, SplittableRandom random) {
        boolean international = random.nextBoolean();
        if ("US".equals(country) || "CA".equals(country)) {
            int area = "US".equals(country) ? 201 + random.nextInt(700) : 416;
            String local = String.format(Locale.ROOT, "555-01%02d", random.nextInt(100));
            return international ? "+1 " + area + "-" + local : "(" + area + ") " + local;
        }
        if ("GB".equals(country)) {
            String local = String.format(Locale.ROOT, "7700 900%03d", random.nextInt(1000));
            return international ? "+44 " + local : "0" + local;
        }
        if ("FR".equals(country)) {
            String local = String.format(Locale.ROOT, "1 99 00 %02d %02d", random.nextInt(100), random.nextInt(100));
            return international ? "+33 " + local : "0" + local;
        }
        return null;
    }

    static <E> E pick(List<E> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
