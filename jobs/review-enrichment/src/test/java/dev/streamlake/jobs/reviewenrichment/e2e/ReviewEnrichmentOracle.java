package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.UserStatus;
import dev.streamlake.events.VipAction;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the review enrichment must write, worked out from the records in the order they were sent
 * and the contract alone (README "Review enrichment", the as-of join's javadoc), in plain Java:
 *
 * <ul>
 *   <li>Each input's watermark trails the largest event time it has seen by its out-of-orderness
 *       and 1 ms; dead letters and tombstones move nothing. A review (or action) is too late when
 *       its time is not after the lower of its own input's and the users' watermark as it arrives.
 *   <li>A review on time finds its user's version valid at its time: the change with the latest
 *       source time at or before it (the later sent on a tie); none, or one more than the retention
 *       back: NO_VERSION; a delete: DELETED; else FOUND with the row, its personal columns the
 *       pseudonyms of the values sent and no birth date.
 *   <li>Unhappy VIPs: FOUND reviews rated below the threshold by users of the statuses given; VIP
 *       actions: actions whose user had one of the VIP statuses.
 *   <li>Bad records are dead letters; tombstones are nothing at all.
 * </ul>
 *
 * <p>The job reads partitions and inputs at their own speeds, so it meets watermarks that differ
 * from the single reader's this follows. What does not depend on that is computed exactly; what
 * would is reported in {@link Outcome#ambiguities}, which a test's data must leave empty: a review
 * on time here must be after its own input's watermark (which no reader can pass before reading
 * it), a too-late one at least {@link Rules#tooLateMargin} behind; and no review or action may lie
 * between the time of a user version that arrives behind the users' watermark and that watermark
 * (whether it was joined before the version came depends on read speed).
 */
final class ReviewEnrichmentOracle {

    /** The job's settings the oracle needs, given as values, not read through the job's classes. */
    static final class Rules {
        Duration outOfOrderness = Duration.ofHours(1);
        Duration retention = Duration.ofDays(2);
        String secret;
        int unhappyBelow = 3;
        Set<UserStatus> unhappyStatuses = EnumSet.of(UserStatus.PLATINUM);
        Set<UserStatus> vipStatuses = EnumSet.of(UserStatus.PLATINUM);
        /** How far behind the watermark a too-late record must lie for every reader to find it too late. */
        Duration tooLateMargin = Duration.ofDays(1);
    }

    /** What the job must write. */
    static final class Outcome {
        final List<EnrichedReview> enriched = new ArrayList<>();
        final List<EnrichedReview> unhappyVips = new ArrayList<>();
        final List<ProductReview> lateReviews = new ArrayList<>();
        final List<VipAction> vipActions = new ArrayList<>();
        final List<ClickAction> lateActions = new ArrayList<>();
        /** Every action joined, VIP or not, with what it found. */
        final List<VipAction> joinedActions = new ArrayList<>();
        final SortedMap<Integer, Sent> deadLetters = new TreeMap<>();
        /** Decisions that would depend on read speed; must be empty. */
        final List<String> ambiguities = new ArrayList<>();
        /** User versions that arrived at or behind the users' watermark. */
        final List<String> lateVersions = new ArrayList<>();
        final Map<UserMatch, Integer> actionMatches = new EnumMap<>(UserMatch.class);

        long count(UserMatch match) {
            return enriched.stream().filter(row -> row.getUserMatch() == match).count();
        }
    }

    /** A version of a user as sent: from its source time, the row (null once deleted). */
    private static final class Version {
        final long validFrom;
        final User row;
        /** The users' watermark when it arrived. */
        final long watermarkAtArrival;
        final String description;

        Version(long validFrom, User row, long watermarkAtArrival, String description) {
            this.validFrom = validFrom;
            this.row = row;
            this.watermarkAtArrival = watermarkAtArrival;
            this.description = description;
        }
    }

    private final Rules rules;
    private final Pseudonymiser pseudonymiser;

    ReviewEnrichmentOracle(Rules rules) {
        this.rules = rules;
        this.pseudonymiser = Pseudonymiser.withSecret(rules.secret);
    }

    Outcome run(SentTraffic sent) {
        Outcome outcome = new Outcome();
        Map<Feed, Long> watermarks = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            watermarks.put(feed, Long.MIN_VALUE);
        }
        // First the arrivals: which records are on time, and every version with the watermark it met.
        Map<String, List<Version>> versions = new HashMap<>();
        List<Integer> onTime = new ArrayList<>();
        for (int position = 0; position < sent.size(); position++) {
            Sent record = sent.at(position);
            if (record.isBad()) {
                outcome.deadLetters.put(position, record);
                continue;
            }
            if (record.isTombstone()) {
                continue;
            }
            long ts = eventTime(record);
            if (record.feed == Feed.USERS) {
                UserChange change = (UserChange) record.event;
                long usersWatermark = watermarks.get(Feed.USERS);
                if (ts <= usersWatermark) {
                    outcome.lateVersions.add(sent.describe(position));
                }
                User row = change.getOp() == ChangeOp.DELETE ? null : change.getAfter();
                versions.computeIfAbsent(change.getKey(), key -> new ArrayList<>())
                        .add(new Version(ts, row, usersWatermark, sent.describe(position)));
            } else if (!isTooLate(ts, watermarks, record.feed, sent.describe(position), outcome)) {
                onTime.add(position);
            } else if (record.feed == Feed.REVIEWS) {
                outcome.lateReviews.add((ProductReview) record.event);
            } else {
                outcome.lateActions.add((ClickAction) record.event);
            }
            watermarks.put(record.feed, Math.max(watermarks.get(record.feed), ts - rules.outOfOrderness.toMillis() - 1));
        }
        // Then the joins: a record on time waits for the watermark, so it sees versions sent after it too.
        for (int position : onTime) {
            Sent record = sent.at(position);
            long ts = eventTime(record);
            if (record.feed == Feed.REVIEWS) {
                ProductReview review = (ProductReview) record.event;
                Version version = versionAt(versions.get(review.getUserId()), ts, sent.describe(position), outcome);
                EnrichedReview enriched = enriched(review, version, ts);
                outcome.enriched.add(enriched);
                if (enriched.getRating() < rules.unhappyBelow && enriched.getUserStatus() != null
                        && rules.unhappyStatuses.contains(enriched.getUserStatus())) {
                    outcome.unhappyVips.add(enriched);
                }
            } else {
                ClickAction action = (ClickAction) record.event;
                Version version = versionAt(versions.get(action.getUserId()), ts, sent.describe(position), outcome);
                VipAction joined = joined(action, version, ts, outcome);
                outcome.joinedActions.add(joined);
                if (joined.getUserStatus() != null && rules.vipStatuses.contains(joined.getUserStatus())) {
                    outcome.vipActions.add(joined);
                }
            }
        }
        return outcome;
    }

    private static long eventTime(Sent record) {
        switch (record.feed) {
            case USERS:
                return ((UserChange) record.event).getSourceTs().toEpochMilli();
            case REVIEWS:
                return ((ProductReview) record.event).getTs().toEpochMilli();
            case CLICKS:
            default:
                return ((ClickAction) record.event).getTs().toEpochMilli();
        }
    }

    /**
     * Too late: at or behind the lower of the input's and the users' watermark. On time only when
     * after the input's own watermark, too late only when far enough behind; else ambiguous.
     */
    private boolean isTooLate(long ts, Map<Feed, Long> watermarks, Feed feed, String what, Outcome outcome) {
        long own = watermarks.get(feed);
        long joined = Math.min(own, watermarks.get(Feed.USERS));
        if (ts > own) {
            return false;
        }
        if (ts > joined || joined - ts < rules.tooLateMargin.toMillis()) {
            outcome.ambiguities.add(what + ": " + Duration.ofMillis(own - ts) + " behind its input's watermark and "
                    + Duration.ofMillis(joined - ts) + " behind the join's: neither surely on time nor surely too late");
            return ts <= joined;
        }
        return true;
    }

    /** The user's version valid at {@code ts}: the latest at or before it, the later sent on a tie. */
    private Version versionAt(List<Version> known, long ts, String what, Outcome outcome) {
        if (known == null) {
            return null;
        }
        Version found = null;
        for (Version version : known) {
            if (version.validFrom <= ts && ts <= version.watermarkAtArrival) {
                outcome.ambiguities.add(what + " lies between the time of a version that came behind the users'"
                        + " watermark and that watermark: " + version.description);
            }
            if (version.validFrom <= ts && (found == null || version.validFrom >= found.validFrom)) {
                found = version;
            }
        }
        return found;
    }

    private UserMatch matchOf(Version version, long ts) {
        if (version == null || ts >= version.validFrom + rules.retention.toMillis()) {
            return UserMatch.NO_VERSION;
        }
        return version.row == null ? UserMatch.DELETED : UserMatch.FOUND;
    }

    /** The review's own columns under their names, then what it found of its user. */
    private EnrichedReview enriched(ProductReview review, Version version, long ts) {
        UserMatch match = matchOf(version, ts);
        EnrichedReview row = new EnrichedReview();
        copyByName(review, row);
        row.setImageUrls(new ArrayList<>(review.getImageUrls()));
        row.setUserMatch(match);
        if (match == UserMatch.FOUND) {
            User user = version.row;
            row.setUserFullName(pseudonymiser.pseudonym(user.getFullName()));
            row.setUserEmail(pseudonymiser.pseudonym(user.getEmail()));
            row.setUserPhone(pseudonymiser.pseudonym(user.getPhone()));
            row.setUserCountry(user.getCountry());
            row.setUserStatus(user.getStatus());
            row.setUserMarketingOptIn(user.getMarketingOptIn());
            row.setUserCreatedAt(user.getCreatedAt());
            row.setUserUpdatedAt(user.getUpdatedAt());
        }
        return row;
    }

    /** The action's own columns under their names, then its user's status and country if it found the user. */
    private VipAction joined(ClickAction action, Version version, long ts, Outcome outcome) {
        UserMatch match = matchOf(version, ts);
        outcome.actionMatches.merge(match, 1, Integer::sum);
        VipAction joined = new VipAction();
        copyByName(action, joined);
        if (match == UserMatch.FOUND) {
            joined.setUserStatus(version.row.getStatus());
            joined.setUserCountry(version.row.getCountry());
        }
        return joined;
    }

    /** Every field of {@code from} into the field of the same name of {@code to}. */
    private static void copyByName(SpecificRecordBase from, SpecificRecordBase to) {
        for (Schema.Field field : from.getSchema().getFields()) {
            to.put(field.name(), from.get(field.pos()));
        }
    }
}
