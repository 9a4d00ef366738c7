package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Card authorisations of honest card holders with fraud among them, for the local run.
 *
 * <p>Each card ({@code card-000042}, one per key of the generator) has a holder with habits of
 * their own ({@link CardHolderProfile}): a home country and currency, a typical amount, favourite
 * merchants, a mix of channels, a few declines. Among their payments the generator puts the fraud
 * the job looks for ({@link FraudPattern}): bursts of attempts within seconds, bursts of declined
 * attempts, card testing, new cards spending big at once; and, from {@link #SPIKES_FROM} after the
 * start, when every holder has days of history, a rare amount far above the holder's usual ones.
 *
 * <p>A record is a pure function of its draw and the generator's settings: the settings say when
 * each record is due, which a fraud pattern needs to keep its attempts close together and still
 * on time. A record the generator makes late stays late, fraud or not.
 */
public final class CardAuthorisationRecipe implements EventRecipe<CardAuthorisation> {

    private static final long serialVersionUID = 1L;

    /** How long after the generator's start amount spikes begin: 3.5 days, past the job's default 3 days of history. */
    public static final Duration SPIKES_FROM = Duration.ofHours(84);

    /** Share of honest records after {@link #SPIKES_FROM} that are a spike. */
    private static final double SPIKE_SHARE = 0.003;

    /** Incorrect PIN at a terminal. */
    private static final String[] DECLINED_IN_PERSON = {"55"};

    /** Invalid card number, expired card, card security code wrong. */
    private static final String[] DECLINED_ONLINE = {"14", "54", "N7"};

    /** Suspected fraud, do not honour. */
    private static final String[] DECLINED_AS_FRAUD = {"59", "05"};

    private final long seed;
    private final int cards;
    private final long startMillis;
    private final long intervalMillis;
    private final long maxOutOfOrdernessMillis;

    public CardAuthorisationRecipe(GeneratorSettings settings) {
        this.seed = settings.seed();
        this.cards = settings.keys();
        this.startMillis = settings.startTime().toEpochMilli();
        this.intervalMillis = settings.eventInterval().toMillis();
        this.maxOutOfOrdernessMillis = settings.maxOutOfOrderness().toMillis();
    }

    @Override
    public CardAuthorisation create(EventDraw draw) {
        long index = draw.index();
        long dueMillis = startMillis + index * intervalMillis;
        long drawnMillis = draw.eventTime().toEpochMilli();
        boolean late = drawnMillis < dueMillis - maxOutOfOrdernessMillis;
        SplittableRandom random = draw.random();

        FraudPattern pattern = FraudPattern.covering(seed, index, cards);
        CardAuthorisation.Builder authorisation;
        long card;
        long eventMillis = drawnMillis;
        if (pattern != null) {
            int attempt = pattern.attemptOf(index);
            authorisation = fraudulent(pattern, attempt, random);
            card = pattern.cardKey;
            if (!late) {
                eventMillis = pattern.eventTimeMillis(
                        attempt, dueMillis - attempt * intervalMillis, intervalMillis, maxOutOfOrdernessMillis);
            }
        } else {
            CardHolderProfile holder = CardHolderProfile.of(draw.keyRandom());
            authorisation = holder.everyday(random);
            if (dueMillis - startMillis >= SPIKES_FROM.toMillis() && random.nextDouble() < SPIKE_SHARE) {
                spike(authorisation, holder, random);
            }
            card = draw.key();
        }
        return authorisation
                .setAuthorisationId(authorisationId(random))
                .setCardId(CardNumbers.cardId(card))
                .setCardFingerprint(CardNumbers.fingerprint(seed, card))
                .setTs(Instant.ofEpochMilli(eventMillis))
                .build();
    }

    /** A big purchase in person or online, at a shop for what sells well. */
    private static void spike(CardAuthorisation.Builder authorisation, CardHolderProfile holder, SplittableRandom random) {
        boolean online = random.nextBoolean();
        authorisation
                .setMerchantId(holder.home.merchant(random.nextInt(100_000)))
                .setMerchantCategoryCode(
                        (random.nextBoolean() ? MerchantCategory.ELECTRONICS : MerchantCategory.JEWELLERY).code)
                .setAmount(holder.spike(random))
                .setCurrency(holder.home.currency)
                .setMerchantCountry(holder.home.code())
                .setChannel(online ? PaymentChannel.ECOMMERCE : PaymentChannel.CARD_PRESENT)
                .setApproved(true)
                .setResponseCode("00")
                .setLatitude(null)
                .setLongitude(null);
        if (!online) {
            CardHolderProfile.locate(authorisation, holder.home, random);
        }
    }

    private static CardAuthorisation.Builder fraudulent(FraudPattern pattern, int attempt, SplittableRandom random) {
        BigDecimal amount;
        boolean approved;
        String declined;
        switch (pattern.kind) {
            case VELOCITY_BURST:
                amount = CardHolderProfile.money(random.nextDouble(40, 400));
                approved = random.nextDouble() < 0.75;
                declined = pick(DECLINED_AS_FRAUD, random);
                break;
            case DECLINED_BURST:
                amount = CardHolderProfile.money(random.nextDouble(20, 300));
                approved = false;
                declined = pick(pattern.channel == PaymentChannel.ECOMMERCE ? DECLINED_ONLINE : DECLINED_IN_PERSON, random);
                break;
            case CARD_TESTING:
                amount = CardHolderProfile.money(random.nextDouble(0.5, 3));
                approved = random.nextDouble() < 0.92;
                declined = pick(DECLINED_AS_FRAUD, random);
                break;
            case NEW_CARD_SPREE:
            default:
                amount = CardHolderProfile.money(attempt == 0 ? random.nextDouble(900, 3_000) : random.nextDouble(400, 1_500));
                approved = true;
                declined = null;
                break;
        }
        CardAuthorisation.Builder authorisation =
                CardAuthorisation.newBuilder()
                        .setMerchantId(pattern.country.merchant(pattern.merchant))
                        .setMerchantCategoryCode(pattern.category.code)
                        .setAmount(amount)
                        .setCurrency(pattern.country.currency)
                        .setChannel(pattern.channel)
                        .setMerchantCountry(pattern.country.code())
                        .setApproved(approved)
                        .setResponseCode(approved ? "00" : declined)
                        .setRiskScore((float) random.nextDouble(0.4, 0.95));
        if (pattern.channel != PaymentChannel.ECOMMERCE) {
            CardHolderProfile.locate(authorisation, pattern.country, random);
        }
        return authorisation;
    }

    /** A version 4 UUID from the record's random values. */
    private static String authorisationId(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String pick(String[] codes, SplittableRandom random) {
        return codes[random.nextInt(codes.length)];
    }
}
