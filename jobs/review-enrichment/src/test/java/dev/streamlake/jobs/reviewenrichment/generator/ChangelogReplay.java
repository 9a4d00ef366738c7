package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserMatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The users changelog a generator makes, as the as-of join keeps it: each user's versions by
 * their source time, a delete as a version without a row. Answers what a review or action naming
 * a user at a time finds.
 */
final class ChangelogReplay {

    private final Map<String, TreeMap<Long, Optional<User>>> versions = new HashMap<>();

    ChangelogReplay(EventGenerator<UserChange> users, long records) {
        for (long index = 0; index < records; index++) {
            UserChange change = users.eventAt(index);
            Optional<User> row = change.getOp() == ChangeOp.DELETE ? Optional.empty() : Optional.of(change.getAfter());
            versions.computeIfAbsent(change.getKey(), key -> new TreeMap<>()).put(change.getSourceTs().toEpochMilli(), row);
        }
    }

    UserMatch matchAt(String userId, long millis) {
        Map.Entry<Long, Optional<User>> version = versionAt(userId, millis);
        if (version == null) {
            return UserMatch.NO_VERSION;
        }
        return version.getValue().isPresent() ? UserMatch.FOUND : UserMatch.DELETED;
    }

    /** The user's row at the time; null when there is none. */
    User rowAt(String userId, long millis) {
        Map.Entry<Long, Optional<User>> version = versionAt(userId, millis);
        return version == null ? null : version.getValue().orElse(null);
    }

    private Map.Entry<Long, Optional<User>> versionAt(String userId, long millis) {
        TreeMap<Long, Optional<User>> user = versions.get(userId);
        return user == null ? null : user.floorEntry(millis);
    }
}
