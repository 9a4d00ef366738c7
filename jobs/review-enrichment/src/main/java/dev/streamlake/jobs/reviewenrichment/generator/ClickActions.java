package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.ClickAction;
import dev.streamlake.serde.EventFormat;

/** The generator of the {@code clicks} input: the clickstream of the users the users generator makes, as JSON. */
public final class ClickActions {

    private ClickActions() {}

    /**
     * Click actions ({@link ClickActionRecipe}) decoded with the input's own JSON format, its rules
     * included, with every JSON defect among the malformed records.
     *
     * @param users the settings of the users generator, whose users the actions name
     */
    public static EventGenerator<ClickAction> generator(
            GeneratorSettings settings, GeneratorSettings users, EventFormat<ClickAction> jsonFormat) {
        return new EventGenerator<>(
                settings,
                new ClickActionRecipe(users),
                jsonFormat,
                JsonCorruption.all(EventFields.of(ClickAction.getClassSchema())));
    }
}
