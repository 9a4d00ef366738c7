package dev.streamlake.bench;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The card authorisations of the benchmark's pool, until the job has a generator of its own. Each
 * card ({@code card-0000042}) has a home country and currency, a usual channel, merchant category
 * and amount; 3% of its attempts are declined, and one amount in a thousand is ten times its usual
 * one. Every {@link #BURST_EVERY} records one card tests itself: {@link #BURST_LENGTH} small online
 * attempts in a row, mostly declined, so that the velocity and declined-velocity windows fire.
 */
final class CardAuthorisationPoolRecipe implements EventRecipe<CardAuthorisation> {

    private static final long serialVersionUID = 1L;

    static final int BURST_EVERY = 5_000;
    static final int BURST_LENGTH = 6;

    private static final double DECLINED_SHARE = 0.03;
    private static final double BURST_DECLINED_SHARE = 0.8;
    private static final double SPIKE_SHARE = 0.001;
    private static final double SPIKE_FACTOR = 10;
    private static final double ABROAD_SHARE = 0.05;
    private static final int MERCHANTS = 50_000;

    /** Country and currency of a card's home. */
    private static final String[][] HOMES = {
        {"DE", "EUR"}, {"FR", "EUR"}, {"ES", "EUR"}, {"GB", "GBP"}, {"US", "USD"}, {"PL", "PLN"}, {"SE", "SEK"}
    };

    /** Groceries, restaurants, fuel, retail, transit, electronics, department stores, hotels. */
    private static final String[] CATEGORIES = {"5411", "5812", "5541", "5999", "4111", "5732", "5311", "7011"};

    private static final String[] DECLINE_CODES = {"05", "51", "14"};

    private static final long CARD_SALT = 0x9E3779B97F4A7C15L;
    private static final long BURST_SALT = 0xC2B2AE3D27D4EB4FL;

    private final int cards;

    CardAuthorisationPoolRecipe(int cards) {
        this.cards = cards;
    }

    @Override
    public CardAuthorisation create(EventDraw draw) {
        boolean burst = draw.index() % BURST_EVERY < BURST_LENGTH;
        int card = burst ? burstCard(draw.index() / BURST_EVERY) : draw.key();

        SplittableRandom profile = new SplittableRandom(card * CARD_SALT + EventPool.SEED);
        String[] home = HOMES[profile.nextInt(HOMES.length)];
        PaymentChannel usualChannel = PaymentChannel.values()[profile.nextInt(3)];
        String usualCategory = CATEGORIES[profile.nextInt(CATEGORIES.length)];
        double usualAmount = 5 + 195 * profile.nextDouble() * profile.nextDouble();
        double latitude = profile.nextDouble(36, 60);
        double longitude = profile.nextDouble(-10, 25);
        byte[] fingerprint = new byte[32];
        profile.nextBytes(fingerprint);

        SplittableRandom random = draw.random();
        PaymentChannel channel;
        String category;
        long cents;
        boolean approved;
        if (burst) {
            channel = PaymentChannel.ECOMMERCE;
            category = "5999";
            cents = 100 + random.nextInt(400);
            approved = random.nextDouble() >= BURST_DECLINED_SHARE;
        } else {
            channel = random.nextDouble() < 0.8 ? usualChannel : PaymentChannel.values()[random.nextInt(4)];
            category = random.nextDouble() < 0.6 ? usualCategory : CATEGORIES[random.nextInt(CATEGORIES.length)];
            double amount = usualAmount * (0.5 + random.nextDouble());
            cents = Math.round((random.nextDouble() < SPIKE_SHARE ? amount * SPIKE_FACTOR : amount) * 100);
            approved = random.nextDouble() >= DECLINED_SHARE;
        }
        String country = random.nextDouble() < ABROAD_SHARE ? HOMES[random.nextInt(HOMES.length)][0] : home[0];
        boolean located = channel != PaymentChannel.ECOMMERCE;
        return CardAuthorisation.newBuilder()
                .setAuthorisationId(String.format(Locale.ROOT, "auth-%010d", draw.index()))
                .setCardId(String.format(Locale.ROOT, "card-%07d", card))
                .setCardFingerprint(ByteBuffer.wrap(fingerprint))
                .setMerchantId(String.format(Locale.ROOT, "merchant-%05d", random.nextInt(MERCHANTS)))
                .setMerchantCategoryCode(category)
                .setAmount(BigDecimal.valueOf(cents, 2))
                .setCurrency(home[1])
                .setChannel(channel)
                .setMerchantCountry(country)
                .setLatitude(located ? latitude + random.nextDouble(-0.5, 0.5) : null)
                .setLongitude(located ? longitude + random.nextDouble(-0.5, 0.5) : null)
                .setApproved(approved)
                .setResponseCode(approved ? "00" : DECLINE_CODES[random.nextInt(DECLINE_CODES.length)])
                .setRiskScore(random.nextBoolean() ? (float) random.nextDouble() : null)
                .setTs(draw.eventTime())
                .build();
    }

    /** The card of the given burst: any card, the same on every run. */
    private int burstCard(long burst) {
        return new SplittableRandom(burst * BURST_SALT + EventPool.SEED).nextInt(cards);
    }
}
