package dev.streamlake.jobs.cardanomalies.generator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where generated card holders live and merchants trade: an ISO 3166 country, its ISO 4217
 * currency and a city's coordinates. The currencies have amounts of like size, since the job takes
 * amounts as stated whatever their currency.
 */
enum MerchantCountry {
    DE("EUR", 52.52, 13.40),
    FR("EUR", 48.86, 2.35),
    NL("EUR", 52.37, 4.90),
    ES("EUR", 40.42, -3.70),
    IT("EUR", 41.90, 12.50),
    IE("EUR", 53.35, -6.26),
    GB("GBP", 51.51, -0.13),
    US("USD", 40.71, -74.01),
    CA("CAD", 43.65, -79.38),
    CH("CHF", 47.38, 8.54),
    AU("AUD", -33.87, 151.21);

    final String currency;
    final double latitude;
    final double longitude;

    MerchantCountry(String currency, double latitude, double longitude) {
        this.currency = currency;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    String code() {
        return name();
    }

    /** A merchant of this country, e.g. {@code m-DE-004217}. */
    String merchant(int number) {
        return String.format(Locale.ROOT, "m-%s-%06d", name(), number);
    }

    /** A cash machine of this country, e.g. {@code atm-DE-0042}. */
    String atm(int number) {
        return String.format(Locale.ROOT, "atm-%s-%04d", name(), number);
    }

    static MerchantCountry any(SplittableRandom random) {
        MerchantCountry[] all = values();
        return all[random.nextInt(all.length)];
    }

    /** Any country but this one. */
    MerchantCountry other(SplittableRandom random) {
        MerchantCountry[] all = values();
        return all[(ordinal() + 1 + random.nextInt(all.length - 1)) % all.length];
    }
}
