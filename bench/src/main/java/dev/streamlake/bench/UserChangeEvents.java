package dev.streamlake.bench;

import dev.streamlake.events.UserChange;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;

/**
 * Changes of the users table in the pool, in Debezium JSON: keyed by the user, at the time the
 * database made them. A later pass moves that time and Debezium's handling time; the snapshot is
 * read in the first pass only ({@link PoolLane}'s head).
 */
enum UserChangeEvents implements PoolEvents<UserChange> {
    INSTANCE;

    @Override
    public Class<UserChange> type() {
        return UserChange.class;
    }

    @Override
    public EventFormat<UserChange> plainFormat() {
        return new DebeziumJsonFormat<>(UserChange.class);
    }

    @Override
    public String key(UserChange change) {
        return change.getKey();
    }

    @Override
    public long eventTimeMillis(UserChange change) {
        return change.getSourceTs().toEpochMilli();
    }

    @Override
    public void moveToPass(UserChange change, long pass, long shiftMillis) {
        change.setSourceTs(change.getSourceTs().plusMillis(shiftMillis));
        if (change.getProcessedAt() != null) {
            change.setProcessedAt(change.getProcessedAt().plusMillis(shiftMillis));
        }
    }
}
