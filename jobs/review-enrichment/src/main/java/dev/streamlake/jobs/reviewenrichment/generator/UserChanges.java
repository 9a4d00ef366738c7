package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.EventFormat;

import java.util.List;

/** The generator of the {@code users} input: the users table's Debezium changes, as JSON. */
public final class UserChanges {

    /**
     * The fields of the Debezium payload that every change must have, and its timestamp (when
     * Debezium handled the change); the change record's own field names are not the payload's.
     */
    static final EventFields PAYLOAD_FIELDS = new EventFields(List.of("op", "source"), List.of("ts_ms"));

    private UserChanges() {}

    /**
     * User changes ({@link UserChangeRecipe}) decoded with the input's own Debezium JSON format, its
     * rules included, with every JSON defect of the payload among the malformed records.
     */
    public static EventGenerator<UserChange> generator(GeneratorSettings settings, EventFormat<UserChange> debeziumFormat) {
        return new EventGenerator<>(
                settings, new UserChangeRecipe(settings), debeziumFormat, JsonCorruption.all(PAYLOAD_FIELDS));
    }
}
