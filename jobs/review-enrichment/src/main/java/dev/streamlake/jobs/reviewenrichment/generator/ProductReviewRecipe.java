package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Product reviews by the users of the {@link UserPopulation}, for the local run: each review is
 * about one of {@code keys} products ({@code prod-000042}) and names a user as of its event time
 * ({@link UserReferences}): mostly one who exists then, some deleted before, some who sign up only
 * later, a few the users table never had.
 *
 * <p>Ratings lean high, as shops' do, but one product in eight disappoints, and Platinum users
 * are the hardest to please: about a third of their ratings are below 3, so the job finds
 * unhappy VIPs.
 */
public final class ProductReviewRecipe implements EventRecipe<ProductReview> {

    private static final long serialVersionUID = 1L;

    /** Weights of the ratings 1 to 5 by whom: Platinum users, everyone else. */
    private static final WeightedChoice PLATINUM_RATINGS = new WeightedChoice(14, 18, 18, 26, 24);
    private static final WeightedChoice OTHER_RATINGS = new WeightedChoice(5, 7, 13, 32, 43);

    private static final double DISAPPOINTING_PRODUCTS = 0.125;

    private static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "en-GB", "en-US", "en-US");

    private static final List<List<String>> TITLES = List.of(
            List.of("Broke within a week", "Not as described", "Waste of money", "Very disappointed"),
            List.of("Expected more", "Does the job, barely", "Mixed feelings"),
            List.of("It's okay", "Decent for the price", "Average"),
            List.of("Good value", "Happy with it", "Works well"),
            List.of("Excellent!", "Love it", "Exactly what I needed", "Best purchase this year"));

    private static final List<List<String>> SENTENCES = List.of(
            List.of("It stopped working after a few days.", "The quality is far below what the photos suggest.",
                    "Support never answered my emails.", "I am returning it."),
            List.of("Delivery took much longer than promised.", "Some parts feel cheap.",
                    "It works, but the instructions are useless."),
            List.of("Nothing special, nothing wrong.", "It does what it says.", "Packaging could be better."),
            List.of("Solid build and quick delivery.", "Easy to set up.", "Would buy again."),
            List.of("Fantastic quality.", "Arrived early and works perfectly.", "Highly recommend it to anyone.",
                    "My whole family loves it."));

    private final UserReferences references;

    public ProductReviewRecipe(GeneratorSettings users) {
        this.references = new UserReferences(UserPopulation.of(users), 0.05, 0.05, 0.03);
    }

    @Override
    public ProductReview create(EventDraw draw) {
        SplittableRandom random = draw.random();
        UserReference user = references.at(draw.eventTime().toEpochMilli(), random);
        boolean disappointing = draw.keyRandom().nextDouble() < DISAPPOINTING_PRODUCTS;
        int rating = rating(user.row(), disappointing, random);
        String reviewId = new UUID(random.nextLong(), random.nextLong()).toString();
        List<String> images = new ArrayList<>();
        if (random.nextDouble() < 0.2) {
            for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
                images.add("https://images.example.com/reviews/" + reviewId + "/" + i + ".jpg");
            }
        }
        return ProductReview.newBuilder()
                .setReviewId(reviewId)
                .setProductId(productId(draw.key()))
                .setUserId(user.userId())
                .setRating(rating)
                .setTitle(random.nextDouble() < 0.85 ? UserProfile.pick(TITLES.get(rating - 1), random) : null)
                .setBody(body(rating, random))
                .setLanguage(random.nextDouble() < 0.1 ? null : UserProfile.pick(LANGUAGES, random))
                .setVerifiedPurchase(user.kind() == UserReference.Kind.EXISTING && random.nextDouble() < 0.8)
                .setHelpfulVotes((int) Math.min(500, Math.floor(-Math.log(1 - random.nextDouble()) * (rating <= 2 ? 6 : 3))))
                .setImageUrls(images)
                .setTs(draw.eventTime())
                .build();
    }

    /** The id of the product with the given key, e.g. {@code prod-000042}. */
    public static String productId(int key) {
        return String.format(Locale.ROOT, "prod-%06d", key);
    }

    private static int rating(User user, boolean disappointing, SplittableRandom random) {
        boolean platinum = user != null && user.getStatus() == UserStatus.PLATINUM;
        int rating = 1 + (platinum ? PLATINUM_RATINGS : OTHER_RATINGS).draw(random);
        return disappointing && random.nextBoolean() ? Math.max(1, rating - 2) : rating;
    }

    private static String body(int rating, SplittableRandom random) {
        List<String> sentences = SENTENCES.get(rating - 1);
        StringBuilder body = new StringBuilder(UserProfile.pick(sentences, random));
        for (int i = 1, n = 1 + random.nextInt(3); i < n; i++) {
            body.append(' ').append(UserProfile.pick(sentences, random));
        }
        return body.toString();
    }
}
