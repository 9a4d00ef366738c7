package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.EventFormat;

/** The generator of the {@code authorisations} input: card payments with fraud among them, as JSON. */
public final class CardAuthorisations {

    private CardAuthorisations() {}

    /**
     * Card authorisations ({@link CardAuthorisationRecipe}) decoded with the input's own JSON format,
     * its cleansing rules included, with every JSON defect among the malformed records.
     */
    public static EventGenerator<CardAuthorisation> generator(
            GeneratorSettings settings, EventFormat<CardAuthorisation> jsonFormat) {
        return new EventGenerator<>(
                settings,
                new CardAuthorisationRecipe(settings),
                jsonFormat,
                JsonCorruption.all(EventFields.of(CardAuthorisation.getClassSchema())));
    }
}
