package dev.streamlake.jobs.cardanomalies.generator;

import java.util.SplittableRandom;

/**
 * Merchant categories (ISO 18245 MCCs) of generated authorisations. An everyday category has the
 * size of a usual purchase there relative to a card holder's typical amount; the categories fraud
 * favours have none, as a fraudster's amounts owe nothing to the holder's habits.
 */
enum MerchantCategory {
    GROCERIES("5411", 1.0),
    FUEL("5541", 1.1),
    RESTAURANTS("5812", 0.9),
    FAST_FOOD("5814", 0.7),
    PHARMACY("5912", 0.8),
    TRANSIT("4111", 0.7),
    DEPARTMENT_STORE("5311", 1.25),
    CLOTHING("5651", 1.2),
    BOOKS("5942", 0.85),
    STREAMING("5815", 0.7),
    CASH("6011", 1.0),
    // Where stolen cards are used: goods easily resold, money moved on, codes redeemed at once.
    ELECTRONICS("5732", Double.NaN),
    JEWELLERY("5944", Double.NaN),
    MONEY_TRANSFER("4829", Double.NaN),
    GAMBLING("7995", Double.NaN),
    DIGITAL_GOODS("5816", Double.NaN);

    private static final MerchantCategory[] EVERYDAY = {
        GROCERIES, FUEL, RESTAURANTS, FAST_FOOD, PHARMACY, TRANSIT, DEPARTMENT_STORE, CLOTHING, BOOKS, STREAMING
    };

    private static final MerchantCategory[] FRAUD = {ELECTRONICS, JEWELLERY, MONEY_TRANSFER, GAMBLING, DIGITAL_GOODS};

    final String code;
    final double usualScale;

    MerchantCategory(String code, double usualScale) {
        this.code = code;
        this.usualScale = usualScale;
    }

    static MerchantCategory everyday(SplittableRandom random) {
        return EVERYDAY[random.nextInt(EVERYDAY.length)];
    }

    static MerchantCategory favouredByFraud(SplittableRandom random) {
        return FRAUD[random.nextInt(FRAUD.length)];
    }
}
