package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.CardRule;
import dev.streamlake.serde.EventFormat;

/** The generator of the {@code rules} input: scheduled rule versions as JSON, for the local run. */
public final class CardRuleVersions {

    private CardRuleVersions() {}

    /**
     * Rule versions ({@link CardRuleScheduleRecipe}) decoded with the input's own JSON format, its
     * rule checks included. The local run asks for none malformed; with a malformed share, the
     * malformed versions are dead letters and change nothing.
     */
    public static EventGenerator<CardRule> generator(GeneratorSettings settings, EventFormat<CardRule> jsonFormat) {
        return new EventGenerator<>(
                settings,
                new CardRuleScheduleRecipe(),
                jsonFormat,
                JsonCorruption.all(EventFields.of(CardRule.getClassSchema())));
    }
}
