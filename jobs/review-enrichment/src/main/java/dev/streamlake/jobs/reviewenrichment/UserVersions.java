package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.join.RowVersion;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;

import org.apache.flink.api.common.functions.MapFunction;

/**
 * A Debezium change of the users table as the version of the user it makes: from the change's
 * source time (when the database made it), the after-image, pseudonymised, or, for a delete, no
 * user. A snapshot read counts as the row from the snapshot's time on.
 */
final class UserVersions implements MapFunction<UserChange, RowVersion<String, User>> {

    private static final long serialVersionUID = 1L;

    private final PersonalColumns personal;

    UserVersions(PersonalColumns personal) {
        this.personal = personal;
    }

    @Override
    public RowVersion<String, User> map(UserChange change) {
        long validFrom = change.getSourceTs().toEpochMilli();
        // The Debezium format lets no other op through without its after-image.
        if (change.getOp() == ChangeOp.DELETE) {
            return RowVersion.deleted(change.getKey(), validFrom);
        }
        return RowVersion.of(change.getKey(), validFrom, personal.pseudonymised(change.getAfter()));
    }
}
