package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;
import dev.streamlake.core.join.AsOfJoinOperator;
import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.UserStatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review enrichment job's own configuration keys: cleansing, the as-of join, pseudonymisation
 * and routing.
 */
public final class ReviewEnrichmentKeys {

    public static final ConfigKey<Duration> MAX_CLOCK_SKEW =
            ConfigKey.of("cleansing.max-future", ValueType.duration())
                    .withDefault(Duration.ofHours(1))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "A review or click action whose event time lies further than this in the future"
                                    + " of the ingestion time has an impossible timestamp and becomes a dead letter.");

    public static final ConfigKey<Duration> USER_RETENTION =
            ConfigKey.of("join.user-retention", ValueType.duration())
                    .withDefault(Duration.ofDays(90))
                    .withRule(ReviewEnrichmentKeys::positive, "positive")
                    .withDescription(
                            "How long (event time) a user version counts after the change that made it: a review"
                                    + " more than this after its user's last change finds no version, and a user"
                                    + " with no change for this long is forgotten. A Debezium re-snapshot brings"
                                    + " such users back.");

    public static final ConfigKey<Duration> MAX_WAIT =
            ConfigKey.of("join.max-wait", ValueType.duration())
                    .withRule(ReviewEnrichmentKeys::positive, "positive")
                    .withDescription(
                            "Unset, a review or action waits for the users changelog's watermark however long"
                                    + " that takes, and what it finds depends on the data only. Set, it waits this"
                                    + " long (processing time) at most; then it is joined with the versions known"
                                    + " and counted (emittedByWaitBound). An idle changelog does not hold the join"
                                    + " either way: see users.watermark.idleness.");

    public static final ConfigKey<Integer> HELD_USERS =
            ConfigKey.of("join.held-users", ValueType.nonNegativeInt())
                    .withDefault(AsOfJoinOperator.DEFAULT_HELD_KEYS)
                    .withDescription(
                            "How many users' join state (their versions and waiting reviews or actions) each"
                                    + " join holds in memory with RocksDB state; changed ones are written to the"
                                    + " state backend before each checkpoint, and when that many are held all are"
                                    + " written and read back when next needed; 0 reads and writes the state backend"
                                    + " for every record. With heap state every user is held, since the backend"
                                    + " keeps them all in memory anyway, and a copy of each changed one is written"
                                    + " before each checkpoint.");

    public static final ConfigKey<String> SECRET =
            ConfigKey.of("privacy.secret", ValueType.string())
                    .required()
                    .secret()
                    .withRule(
                            s -> s.getBytes(StandardCharsets.UTF_8).length >= Pseudonymiser.MIN_KEY_BYTES,
                            "at least " + Pseudonymiser.MIN_KEY_BYTES + " bytes")
                    .withDescription(
                            "The secret key of the pseudonyms (HMAC-SHA256) and of the sealed dead letters of the"
                                    + " users input; never logged. Keep it in a secret store; a new key gives every"
                                    + " person a new pseudonym (README: rotating the key).");

    /** The user columns that can be pseudonymised: the text columns. */
    public static final List<String> PSEUDONYMISABLE = Arrays.stream(PersonalColumns.Column.values())
            .map(PersonalColumns.Column::columnName)
            .collect(Collectors.toUnmodifiableList());

    public static final ConfigKey<List<String>> PSEUDONYMISED_COLUMNS =
            ConfigKey.of("privacy.pseudonymised-columns", ValueType.list())
                    .withDefault(List.of("full_name", "email", "phone"))
                    .withRule(PSEUDONYMISABLE::containsAll, "some of " + String.join(", ", PSEUDONYMISABLE))
                    .withDescription(
                            "The users' columns replaced by their pseudonym before they reach any state, table or"
                                    + " output stream. birth_date never leaves the job.");

    public static final ConfigKey<Integer> UNHAPPY_BELOW =
            ConfigKey.of("routing.unhappy-below-rating", ValueType.positiveInt())
                    .withDefault(3)
                    .withRule(r -> r <= 6, "1 to 6")
                    .withDescription("A review with a rating below this, by a user with one of routing.unhappy-statuses, is an unhappy VIP.");

    public static final ConfigKey<List<String>> UNHAPPY_STATUSES = statuses(
            "routing.unhappy-statuses", "The user statuses (as of the review's time) whose low ratings go to the unhappy-vips table and stream.");

    public static final ConfigKey<List<String>> VIP_ACTION_STATUSES = statuses(
            "routing.vip-action-statuses", "The user statuses (as of the action's time) whose click actions go to the vip-actions table.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(MAX_CLOCK_SKEW, USER_RETENTION, MAX_WAIT, HELD_USERS, SECRET, PSEUDONYMISED_COLUMNS)
                    .add(UNHAPPY_BELOW, UNHAPPY_STATUSES, VIP_ACTION_STATUSES)
                    .build();

    private ReviewEnrichmentKeys() {}

    /** The statuses a list key names, in any case. */
    public static Set<UserStatus> statusesOf(List<String> names) {
        Set<UserStatus> statuses = EnumSet.noneOf(UserStatus.class);
        for (String name : names) {
            statuses.add(UserStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return statuses;
    }

    private static ConfigKey<List<String>> statuses(String name, String description) {
        return ConfigKey.of(name, ValueType.list())
                .withDefault(List.of("platinum"))
                .withRule(ReviewEnrichmentKeys::areStatuses, "bronze, silver, gold or platinum, one or more")
                .withDescription(description);
    }

    private static boolean areStatuses(List<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        try {
            statusesOf(names);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }
}
