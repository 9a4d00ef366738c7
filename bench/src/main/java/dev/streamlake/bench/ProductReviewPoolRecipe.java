package dev.streamlake.bench;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.events.ProductReview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The product reviews of the benchmark's pool: a user
 * ({@code user-0000042}, as in {@link UserChangePoolRecipe}) rates one of {@value #PRODUCTS}
 * products 1 to 5 stars (15% of them below 3), with a title, a body of 5 to 60 words and up to
 * two images.
 */
final class ProductReviewPoolRecipe implements EventRecipe<ProductReview> {

    private static final long serialVersionUID = 1L;

    static final int PRODUCTS = 20_000;

    /** One to five stars in these percentages. */
    private static final int[] RATING_PERCENT = {8, 7, 12, 28, 45};

    private static final String[] WORDS = {"great", "product", "works", "as", "described", "battery", "lasts",
        "long", "the", "delivery", "was", "slow", "quality", "feels", "cheap", "would", "buy", "again", "not",
        "worth", "price", "excellent", "broke", "after", "week", "size", "fits", "well", "colour", "different"};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es"};

    @Override
    public ProductReview create(EventDraw draw) {
        SplittableRandom random = draw.random();
        int words = 5 + random.nextInt(56);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words; i++) {
            body.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        List<String> images = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            images.add(String.format(Locale.ROOT, "https://img.example.com/%08x.jpg", random.nextInt()));
        }
        return ProductReview.newBuilder()
                .setReviewId(String.format(Locale.ROOT, "review-%010d", draw.index()))
                .setProductId(String.format(Locale.ROOT, "product-%05d", random.nextInt(PRODUCTS)))
                .setUserId(UserChangePoolRecipe.userId(draw.key()))
                .setRating(rating(random.nextInt(100)))
                .setTitle(random.nextInt(4) == 0 ? null : WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)])
                .setBody(body.toString())
                .setLanguage(random.nextInt(10) == 0 ? null : LANGUAGES[random.nextInt(LANGUAGES.length)])
                .setVerifiedPurchase(random.nextInt(10) < 7)
                .setHelpfulVotes(random.nextInt(10) == 0 ? random.nextInt(200) : 0)
                .setImageUrls(images)
                .setTs(draw.eventTime())
                .build();
    }

    private static int rating(int percentile) {
        int bound = 0;
        for (int stars = 1; stars <= RATING_PERCENT.length; stars++) {
            bound += RATING_PERCENT[stars - 1];
            if (percentile < bound) {
                return stars;
            }
        }
        return RATING_PERCENT.length;
    }
}
