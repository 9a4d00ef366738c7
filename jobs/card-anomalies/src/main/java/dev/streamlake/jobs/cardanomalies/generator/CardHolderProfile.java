package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * How one card holder usually pays, drawn from the card's own random stream: a home country and
 * its currency, a typical amount, a few favourite merchants, a mix of channels and a share of
 * declines. Everyday amounts stay within a band around what the holder spends at that kind of
 * merchant, so an honest card's amounts stay below 4 standard deviations of its own baseline.
 */
final class CardHolderProfile {

    /** Share of a holder's purchases at a merchant other than the favourites, at home or abroad. */
    private static final double OTHER_MERCHANT_SHARE = 0.15;

    private static final double ABROAD_SHARE = 0.03;

    /** Spread of an amount around the usual one (log scale), cut at two spreads either side. */
    private static final double AMOUNT_SPREAD = 0.18;

    private static final PaymentChannel[] CHANNELS = {
        PaymentChannel.CARD_PRESENT, PaymentChannel.CONTACTLESS, PaymentChannel.ECOMMERCE, PaymentChannel.ATM
    };

    /** Insufficient funds above all; do not honour, exceeds withdrawal limit, exceeds frequency limit. */
    private static final String[] EVERYDAY_DECLINES = {"51", "51", "51", "51", "51", "05", "05", "61", "65"};

    final MerchantCountry home;
    final double typicalAmount;
    private final int[] favouriteMerchants;
    private final MerchantCategory[] favouriteCategories;
    private final double[] channelWeights;
    private final double declineShare;
    private final boolean issuerScores;

    private CardHolderProfile(SplittableRandom random) {
        home = MerchantCountry.any(random);
        // Log-uniform from 15 to 120 in the home currency.
        typicalAmount = 15 * Math.exp(random.nextDouble() * Math.log(8));
        int favourites = 3 + random.nextInt(5);
        favouriteMerchants = new int[favourites];
        favouriteCategories = new MerchantCategory[favourites];
        for (int i = 0; i < favourites; i++) {
            favouriteMerchants[i] = random.nextInt(100_000);
            favouriteCategories[i] = MerchantCategory.everyday(random);
        }
        channelWeights = new double[] {
            random.nextDouble(0.2, 1.0), random.nextDouble(0.2, 1.0), random.nextDouble(0.1, 0.8), random.nextDouble(0.15)
        };
        declineShare = random.nextDouble(0.02, 0.06);
        issuerScores = random.nextDouble() < 0.85;
    }

    /** The profile of the card whose key's random stream is given. */
    static CardHolderProfile of(SplittableRandom keyRandom) {
        return new CardHolderProfile(keyRandom);
    }

    /** An everyday authorisation of this holder: all but the ids and the time. */
    CardAuthorisation.Builder everyday(SplittableRandom random) {
        PaymentChannel channel = channel(random);
        int favourite = random.nextInt(favouriteMerchants.length);
        MerchantCategory category = favouriteCategories[favourite];
        MerchantCountry country = home;
        String merchant;
        if (channel == PaymentChannel.ATM) {
            category = MerchantCategory.CASH;
            merchant = country.atm(random.nextInt(1_000));
        } else if (random.nextDouble() < OTHER_MERCHANT_SHARE) {
            if (random.nextDouble() < ABROAD_SHARE / OTHER_MERCHANT_SHARE) {
                country = home.other(random);
            }
            merchant = country.merchant(random.nextInt(100_000));
        } else {
            merchant = country.merchant(favouriteMerchants[favourite]);
        }
        boolean approved = random.nextDouble() >= declineShare;
        CardAuthorisation.Builder authorisation =
                CardAuthorisation.newBuilder()
                        .setMerchantId(merchant)
                        .setMerchantCategoryCode(category.code)
                        .setAmount(channel == PaymentChannel.ATM ? cash(random) : usualAmount(category, random))
                        .setCurrency(country.currency)
                        .setChannel(channel)
                        .setMerchantCountry(country.code())
                        .setApproved(approved)
                        .setResponseCode(approved ? "00" : EVERYDAY_DECLINES[random.nextInt(EVERYDAY_DECLINES.length)])
                        .setRiskScore(issuerScores ? (float) (approved ? 0.3 * Math.pow(random.nextDouble(), 3) : random.nextDouble(0.1, 0.5)) : null);
        if (channel != PaymentChannel.ECOMMERCE) {
            locate(authorisation, country, random);
        }
        return authorisation;
    }

    /** An amount far above anything the holder usually spends: 8 to 20 times the typical one. */
    BigDecimal spike(SplittableRandom random) {
        return money(typicalAmount * random.nextDouble(8, 20));
    }

    private PaymentChannel channel(SplittableRandom random) {
        double total = 0;
        for (double weight : channelWeights) {
            total += weight;
        }
        double pick = random.nextDouble(total);
        for (int i = 0; i < CHANNELS.length - 1; i++) {
            pick -= channelWeights[i];
            if (pick < 0) {
                return CHANNELS[i];
            }
        }
        return CHANNELS[CHANNELS.length - 1];
    }

    private BigDecimal usualAmount(MerchantCategory category, SplittableRandom random) {
        double spread = Math.max(-2, Math.min(2, gaussian(random)));
        return money(typicalAmount * category.usualScale * Math.exp(AMOUNT_SPREAD * spread));
    }

    /** Cash in tens, at least 20. */
    private BigDecimal cash(SplittableRandom random) {
        double wanted = typicalAmount * MerchantCategory.CASH.usualScale * random.nextDouble(0.7, 1.3);
        return BigDecimal.valueOf(Math.max(2, Math.round(wanted / 10)) * 10L).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Where a card-present payment happened: near the country's city. */
    static void locate(CardAuthorisation.Builder authorisation, MerchantCountry country, SplittableRandom random) {
        authorisation
                .setLatitude(Math.round((country.latitude + random.nextDouble(-0.15, 0.15)) * 1e5) / 1e5)
                .setLongitude(Math.round((country.longitude + random.nextDouble(-0.15, 0.15)) * 1e5) / 1e5);
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** A standard normal value (Box-Muller); SplittableRandom has none before Java 17. */
    private static double gaussian(SplittableRandom random) {
        double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
        return radius * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
