package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.ProductReview;
import dev.streamlake.serde.EventFormat;

/** The generator of the {@code reviews} input: reviews by the users the users generator makes, as JSON. */
public final class ProductReviews {

    private ProductReviews() {}

    /**
     * Reviews ({@link ProductReviewRecipe}) decoded with the input's own JSON format, its rules
     * included, with every JSON defect among the malformed records.
     *
     * @param users the settings of the users generator, whose users the reviews name
     */
    public static EventGenerator<ProductReview> generator(
            GeneratorSettings settings, GeneratorSettings users, EventFormat<ProductReview> jsonFormat) {
        return new EventGenerator<>(
                settings,
                new ProductReviewRecipe(users),
                jsonFormat,
                JsonCorruption.all(EventFields.of(ProductReview.getClassSchema())));
    }
}
