package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic day-by-day life of a set of cards, from a seed: card holders paying a few times a
 * day, and among them bursts of attempts (velocity), bursts of declined attempts, ATM hammering
 * (many attempts in minutes), amount spikes after days of history, cards idle for longer than the
 * baseline and active again, a card paying the same amount every time; two attempts of a card in
 * the same millisecond.
 *
 * <p>Sent as a producer would: mostly in event-time order, some authorisations held back (by less
 * than {@link Shape#maxDelay}, out of order but on time), some sent twice in a row (exact
 * duplicates), some fresh ones {@link Shape#tooLateAge} old once the stream has run for {@link
 * Shape#tooLateAfter} (too late by far), bad records of every kind in between, and at the end the
 * first authorisations again (long forgotten: too late, not duplicates).
 */
final class CardTraffic {

    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static final String[] CURRENCIES = {"EUR", "GBP", "USD", "SEK", "CHF"};
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "SE", "CH", "NL"};
    private static final String[] CATEGORIES = {"5411", "5812", "5999", "4111", "5732", "5541"};
    private static final String[] DECLINE_CODES = {"05", "51", "54"};

    /** What the traffic is made of. */
    static final class Shape {
        long seed = 20240304L;
        int cards = 80;
        int days = 5;
        /** Out-of-order authorisations arrive up to this much after their time; keep it under the out-of-orderness. */
        Duration maxDelay = Duration.ofMinutes(30);
        double outOfOrderShare = 0.04;
        double duplicateShare = 0.03;
        /** Too-late authorisations lie this far behind the time of the records around them. */
        Duration tooLateAge = Duration.ofDays(3);
        /** No too-late authorisation is sent before this much of the stream's event time has passed. */
        Duration tooLateAfter = Duration.ofHours(84);
        double tooLateShare = 0.03;
        double badShare = 0.015;
        /** The first authorisations sent again at the end. */
        int staleCopies = 6;

        Shape seed(long value) {
            seed = value;
            return this;
        }

        Shape cards(int value) {
            cards = value;
            return this;
        }

        Shape days(int value) {
            days = value;
            return this;
        }

        Shape noBadRecords() {
            badShare = 0;
            return this;
        }
    }

    private final Shape shape;
    private final Random random;
    private final long start = START.toEpochMilli();
    private final Set<String> authorisationIds = new HashSet<>();
    private final List<Planned> planned = new ArrayList<>();

    private CardTraffic(Shape shape) {
        this.shape = shape;
        this.random = new Random(shape.seed);
    }

    /** The records to send, in the order to send them. */
    static SentAuthorisations generate(Shape shape) {
        return new CardTraffic(shape).plan();
    }

    private SentAuthorisations plan() {
        List<Card> cards = new ArrayList<>();
        for (int index = 0; index < shape.cards; index++) {
            cards.add(new Card(index));
        }
        cards.forEach(this::live);
        planned.sort(Comparator.<Planned>comparingLong(p -> p.due).thenComparingInt(p -> p.sequence));
        return send(cards);
    }

    /** A card's authorisations over the days, by the kind of card holder it has. */
    private void live(Card card) {
        switch (card.index % 10) {
            case 1:
                everyDay(card, 0, shape.days);
                velocityBursts(card);
                break;
            case 3:
                everyDay(card, 0, shape.days);
                declinedBurst(card);
                break;
            case 5:
                everyDay(card, 0, shape.days);
                amountSpikes(card);
                break;
            case 7:
                everyDay(card, 0, shape.days);
                atmHammering(card);
                break;
            case 9:
                if (card.index % 20 == 9) {
                    idleAndBack(card);
                } else {
                    sameAmountEveryTime(card);
                }
                break;
            default:
                everyDay(card, 0, shape.days);
        }
    }

    /** Three to seven payments a day between 06:00 and 23:30. */
    private void everyDay(Card card, int fromDay, int toDay) {
        for (int day = fromDay; day < toDay; day++) {
            int payments = 3 + random.nextInt(5);
            for (int i = 0; i < payments; i++) {
                long ts = dayStart(day) + 6 * HOUR + (long) (random.nextDouble() * 17.5 * HOUR);
                plan(card.pay(ts, card.usualAmount(), true));
            }
        }
    }

    /**
     * Four to six attempts within a few seconds, two of them in the same millisecond; often another
     * burst minutes later (within the suppression period), sometimes one after it.
     */
    private void velocityBursts(Card card) {
        long first = somewhenOn(1 + random.nextInt(shape.days - 1));
        burst(card, first, true);
        if (random.nextBoolean()) {
            burst(card, first + 2 * MINUTE + (long) (random.nextDouble() * 6 * MINUTE), false);
        }
        if (random.nextInt(5) < 2) {
            burst(card, first + 12 * MINUTE + (long) (random.nextDouble() * 30 * MINUTE), false);
        }
    }

    private void burst(Card card, long from, boolean withTie) {
        int attempts = 4 + random.nextInt(3);
        long ts = from;
        for (int i = 0; i < attempts; i++) {
            plan(card.pay(ts, card.usualAmount(), random.nextInt(10) > 0));
            boolean tie = withTie && i == 1;
            ts += tie ? 0 : 150 + random.nextInt(1050);
        }
    }

    /** Four to six declined attempts a few seconds apart, an approved one among them. */
    private void declinedBurst(Card card) {
        long ts = somewhenOn(random.nextInt(shape.days));
        int attempts = 4 + random.nextInt(3);
        for (int i = 0; i < attempts; i++) {
            plan(card.pay(ts, card.usualAmount(), false));
            if (i == 1) {
                plan(card.pay(ts + 700, card.usualAmount(), true));
            }
            ts += 3 * SECOND + random.nextInt(11_000);
        }
    }

    /** After three days of history an amount many times the usual, sometimes another minutes later. */
    private void amountSpikes(Card card) {
        long ts = somewhenOn(3 + random.nextInt(shape.days - 3));
        plan(card.pay(ts, card.median * (8 + 7 * random.nextDouble()), true));
        if (random.nextBoolean()) {
            plan(card.pay(ts + MINUTE + (long) (random.nextDouble() * 5 * MINUTE), card.median * 12, true));
        }
    }

    /** Twenty-two to twenty-six small ATM attempts some 15 s apart. */
    private void atmHammering(Card card) {
        long ts = somewhenOn(1 + random.nextInt(shape.days - 1));
        int attempts = 22 + random.nextInt(5);
        for (int i = 0; i < attempts; i++) {
            plan(card.withdraw(ts, 20 + 10 * random.nextInt(5), random.nextInt(4) > 0));
            ts += 12 * SECOND + random.nextInt(10_000);
        }
    }

    /**
     * Days 0 and 1 before 20:00, nothing until day 3 at 05:00 (over 24 h of silence): the card is
     * forgotten and starts afresh with a large payment that its short history cannot judge.
     */
    private void idleAndBack(Card card) {
        for (int day = 0; day < 2; day++) {
            for (int i = 0; i < 4; i++) {
                plan(card.pay(dayStart(day) + 6 * HOUR + (long) (random.nextDouble() * 14 * HOUR), card.usualAmount(), true));
            }
        }
        long back = dayStart(3) + 5 * HOUR + (long) (random.nextDouble() * HOUR);
        plan(card.pay(back, card.median * 10, true));
        everyDay(card, 3, shape.days);
    }

    /**
     * The same amount twice a day (the deviation of its baseline is exactly 0), then once three
     * times as much: neither a factor nor a z-score of a deviation of 0 makes that an alert.
     */
    private void sameAmountEveryTime(Card card) {
        BigDecimal subscription = new BigDecimal("9.99");
        for (int day = 0; day < shape.days; day++) {
            plan(card.pay(dayStart(day) + 7 * HOUR + random.nextInt((int) HOUR), subscription, true));
            plan(card.pay(dayStart(day) + 19 * HOUR + random.nextInt((int) HOUR), subscription, true));
        }
        plan(card.pay(dayStart(shape.days - 1) + 12 * HOUR, new BigDecimal("29.97"), true));
    }

    private long dayStart(int day) {
        return start + day * DAY;
    }

    private long somewhenOn(int day) {
        return dayStart(day) + 8 * HOUR + (long) (random.nextDouble() * 14 * HOUR);
    }

    private void plan(CardAuthorisation authorisation) {
        long ts = authorisation.getTs().toEpochMilli();
        long due = random.nextDouble() < shape.outOfOrderShare
                ? ts + SECOND + (long) (random.nextDouble() * (shape.maxDelay.toMillis() - SECOND))
                : ts;
        planned.add(new Planned(authorisation, due, planned.size(), due != ts));
    }

    /** The records in sending order, with duplicates, too-late and bad records added along the way. */
    private SentAuthorisations send(List<Card> cards) {
        SentAuthorisations sent = new SentAuthorisations();
        int badRecords = 0;
        List<Integer> firstGood = new ArrayList<>();
        for (Planned p : planned) {
            sent.add(p.delayed ? "held back " + (p.due - time(p.authorisation)) + " ms" : "on time", p.authorisation);
            if (firstGood.size() < shape.staleCopies) {
                firstGood.add(sent.size() - 1);
            }
            if (random.nextDouble() < shape.duplicateShare) {
                sent.resend(sent.size() - 1);
            }
            if (p.due - start >= shape.tooLateAfter.toMillis() && random.nextDouble() < shape.tooLateShare) {
                Card card = cards.get(random.nextInt(cards.size()));
                long ts = p.due - shape.tooLateAge.toMillis() - (long) (random.nextDouble() * 3 * HOUR);
                sent.add("too late by " + Duration.ofMillis(p.due - ts), card.pay(ts, card.usualAmount(), true));
            }
            if (random.nextDouble() < shape.badShare) {
                Map<String, byte[]> kinds = badRecords % 2 == 0
                        ? BadAuthorisations.breakingRules(p.authorisation)
                        : BadAuthorisations.malformed(p.authorisation);
                List<String> names = new ArrayList<>(kinds.keySet());
                String kind = names.get((badRecords / 2) % names.size());
                sent.addBad(kind, kind + " (from " + p.authorisation.getAuthorisationId() + ")", null, kinds.get(kind));
                badRecords++;
            }
        }
        firstGood.forEach(sent::resend);
        return sent;
    }

    private static long time(CardAuthorisation authorisation) {
        return authorisation.getTs().toEpochMilli();
    }

    /** A card and its holder's habits. */
    private final class Card {
        final int index;
        final String id;
        final ByteBuffer fingerprint;
        final String currency;
        final String country;
        final double median;

        Card(int index) {
            this.index = index;
            this.id = String.format("card-%04d", index);
            this.fingerprint = ByteBuffer.wrap(sha256("4000 0000 0000 " + String.format("%04d", index)));
            this.currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            this.country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            this.median = 8 + random.nextDouble() * 110;
        }

        double usualAmount() {
            return median * Math.exp(0.6 * random.nextGaussian());
        }

        CardAuthorisation pay(long ts, double amount, boolean approved) {
            return pay(ts, BigDecimal.valueOf(Math.max(0.5, amount)).setScale(2, RoundingMode.HALF_UP), approved);
        }

        CardAuthorisation pay(long ts, BigDecimal amount, boolean approved) {
            PaymentChannel[] channels = {PaymentChannel.CARD_PRESENT, PaymentChannel.CONTACTLESS, PaymentChannel.ECOMMERCE};
            return authorisation(ts, amount, approved, channels[random.nextInt(channels.length)],
                    CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }

        CardAuthorisation withdraw(long ts, double amount, boolean approved) {
            return authorisation(ts, BigDecimal.valueOf(amount).setScale(2, RoundingMode.UNNECESSARY), approved,
                    PaymentChannel.ATM, "6011");
        }

        private CardAuthorisation authorisation(
                long ts, BigDecimal amount, boolean approved, PaymentChannel channel, String category) {
            boolean located = random.nextInt(10) < 7;
            boolean scored = random.nextInt(10) < 6;
            return CardAuthorisation.newBuilder()
                    .setAuthorisationId(newAuthorisationId())
                    .setCardId(id)
                    .setCardFingerprint(fingerprint.duplicate())
                    .setMerchantId(String.format("m-%04d", random.nextInt(500)))
                    .setMerchantCategoryCode(category)
                    .setAmount(amount)
                    .setCurrency(currency)
                    .setChannel(channel)
                    .setMerchantCountry(random.nextInt(10) < 8 ? country : COUNTRIES[random.nextInt(COUNTRIES.length)])
                    .setLatitude(located ? -60 + random.nextInt(12_000_000) / 100_000.0 : null)
                    .setLongitude(located ? -180 + random.nextInt(36_000_000) / 100_000.0 : null)
                    .setApproved(approved)
                    .setResponseCode(approved ? "00" : DECLINE_CODES[random.nextInt(DECLINE_CODES.length)])
                    .setRiskScore(scored ? random.nextInt(1000) / 1000f : null)
                    .setTs(Instant.ofEpochMilli(ts))
                    .build();
        }
    }

    /** Unique, and unrelated to time, so that ties in time are broken in no particular arrival order. */
    private String newAuthorisationId() {
        String id;
        do {
            id = String.format("auth-%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
        } while (!authorisationIds.add(id));
        return id;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An authorisation and when it is sent, in event time; sequence breaks ties in the order planned. */
    private static final class Planned {
        final CardAuthorisation authorisation;
        final long due;
        final int sequence;
        final boolean delayed;

        Planned(CardAuthorisation authorisation, long due, int sequence, boolean delayed) {
            this.authorisation = authorisation;
            this.due = due;
            this.sequence = sequence;
            this.delayed = delayed;
        }
    }
}
