package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.events.User;
import dev.streamlake.events.UserMatch;

import java.util.Objects;

/**
 * The user a review or click action names, and what the as-of join will find of them at the
 * event's time: their row ({@link Kind#EXISTING}), their delete, or nothing yet or ever.
 */
public final class UserReference {

    /** How the named user stands at the event's time. */
    public enum Kind {
        /** Inserted (or in the snapshot) before the event and not deleted: the join finds the row. */
        EXISTING(UserMatch.FOUND),
        /** Deleted before the event. */
        DELETED(UserMatch.DELETED),
        /** Inserted only after the event, e.g. a guest who signs up later. */
        NOT_YET(UserMatch.NO_VERSION),
        /** Never in the users table. */
        UNKNOWN(UserMatch.NO_VERSION);

        private final UserMatch match;

        Kind(UserMatch match) {
            this.match = match;
        }

        /** What the as-of join gives an event naming such a user. */
        public UserMatch match() {
            return match;
        }
    }

    private final Kind kind;
    private final String userId;
    private final User row;

    private UserReference(Kind kind, String userId, User row) {
        this.kind = kind;
        this.userId = Objects.requireNonNull(userId, "userId");
        this.row = row;
    }

    static UserReference existing(User row) {
        return new UserReference(Kind.EXISTING, row.getUserId(), row);
    }

    static UserReference of(Kind kind, String userId) {
        return new UserReference(kind, userId, null);
    }

    public Kind kind() {
        return kind;
    }

    public String userId() {
        return userId;
    }

    /** The user's row at the event's time, for an existing user; null otherwise. */
    public User row() {
        return row;
    }

    @Override
    public String toString() {
        return kind + " " + userId;
    }
}
