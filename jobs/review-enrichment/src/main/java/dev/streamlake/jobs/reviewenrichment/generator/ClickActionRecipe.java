package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.ActionKind;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.UserStatus;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The shop's clickstream, by the users of the {@link UserPopulation}: each action names a user as
 * of its event time ({@link UserReferences}, mostly existing users, some deleted, some visitors
 * who sign up later, a few unknown), in a session of that user's half hour, about one of {@code
 * keys} products. Views lead, then clicks, cart adds and purchases; VIPs buy more often.
 */
public final class ClickActionRecipe implements EventRecipe<ClickAction> {

    private static final long serialVersionUID = 1L;

    private static final long SESSION_MILLIS = Duration.ofMinutes(30).toMillis();

    private static final ActionKind[] ACTIONS = ActionKind.values();

    /** Weights of VIEW, CLICK, ADD_TO_CART and PURCHASE: VIPs, everyone else. */
    private static final WeightedChoice VIP_ACTIONS = new WeightedChoice(52, 24, 14, 10);
    private static final WeightedChoice OTHER_ACTIONS = new WeightedChoice(62, 25, 9, 4);

    private static final List<String> SEARCHES = List.of("headphones", "running+shoes", "coffee+grinder", "desk+lamp", "backpack");

    private final UserReferences references;

    public ClickActionRecipe(GeneratorSettings users) {
        this.references = new UserReferences(UserPopulation.of(users), 0.02, 0.04, 0.03);
    }

    @Override
    public ClickAction create(EventDraw draw) {
        SplittableRandom random = draw.random();
        long millis = draw.eventTime().toEpochMilli();
        UserReference user = references.at(millis, random);
        boolean vip = user.row() != null && user.row().getStatus() == UserStatus.PLATINUM;
        ActionKind action = ACTIONS[(vip ? VIP_ACTIONS : OTHER_ACTIONS).draw(random)];
        String product = ProductReviewRecipe.productId(draw.key());
        String page;
        switch (action) {
            case ADD_TO_CART:
                page = "/cart";
                break;
            case PURCHASE:
                page = "/checkout/complete";
                break;
            case CLICK:
                page = "/products/" + product;
                break;
            case VIEW:
            default:
                double where = random.nextDouble();
                page = where < 0.7 ? "/products/" + product : where < 0.85 ? "/" : "/search?q=" + UserProfile.pick(SEARCHES, random);
                break;
        }
        long session = new SplittableRandom(user.userId().hashCode() * 1_000_003L + Math.floorDiv(millis, SESSION_MILLIS)).nextLong();
        return ClickAction.newBuilder()
                .setActionId(new UUID(random.nextLong(), random.nextLong()).toString())
                .setUserId(user.userId())
                .setSessionId("sess-" + Long.toHexString(session))
                .setAction(action)
                .setPage(page)
                .setProductId(page.startsWith("/products/") || action == ActionKind.ADD_TO_CART || action == ActionKind.PURCHASE ? product : null)
                .setTs(draw.eventTime())
                .build();
    }
}
