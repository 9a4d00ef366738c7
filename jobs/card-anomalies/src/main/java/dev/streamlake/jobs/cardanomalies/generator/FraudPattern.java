package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.events.PaymentChannel;

import java.util.SplittableRandom;

/**
 * Fraud the card generator puts among honest payments: a run of consecutive records of one card,
 * planned per block of records from the seed and the block's number alone, so each record of the
 * run, made on its own by whichever reader, knows it belongs to the run and agrees on its card,
 * merchant and pace.
 *
 * <p>Half the blocks hold one pattern, at a random place in the block:
 * <ul>
 *   <li>{@link Kind#VELOCITY_BURST}: 5 to 7 online attempts of a stolen card within a few seconds;
 *   <li>{@link Kind#DECLINED_BURST}: 5 to 8 declined attempts (wrong PIN, wrong card number) a few
 *       seconds apart;
 *   <li>{@link Kind#CARD_TESTING}: 22 to 28 tiny online payments at one merchant, one per record,
 *       to learn whether the card works;
 *   <li>{@link Kind#NEW_CARD_SPREE}: a card never seen before whose first payment, and the one or two
 *       after it, are large.
 * </ul>
 */
final class FraudPattern {

    /** Records per block; a block holds at most one pattern. */
    static final int BLOCK = 400;

    /** Share of blocks with a pattern. */
    private static final double PATTERN_SHARE = 0.5;

    /** The longest pattern, so that a pattern never leaves its block. */
    private static final int LONGEST = 28;

    enum Kind {
        VELOCITY_BURST(0.35, 5, 7, 200, 900),
        DECLINED_BURST(0.25, 5, 8, 2_000, 6_000),
        CARD_TESTING(0.15, 22, LONGEST, 2_000, 6_000),
        NEW_CARD_SPREE(0.25, 1, 3, 20_000, 90_000);

        private final double share;
        private final int fewestAttempts;
        private final int mostAttempts;
        private final long shortestGapMillis;
        private final long longestGapMillis;

        Kind(double share, int fewestAttempts, int mostAttempts, long shortestGapMillis, long longestGapMillis) {
            this.share = share;
            this.fewestAttempts = fewestAttempts;
            this.mostAttempts = mostAttempts;
            this.shortestGapMillis = shortestGapMillis;
            this.longestGapMillis = longestGapMillis;
        }
    }

    final Kind kind;
    /** Index of the pattern's first record. */
    final long firstIndex;
    final int attempts;
    /** The card's key; a new card's lies beyond the keys of the card holders. */
    final long cardKey;
    final PaymentChannel channel;
    final MerchantCountry country;
    final MerchantCategory category;
    final int merchant;
    /** When each attempt happens, in milliseconds after the first, as the fraudster paces them. */
    private final long[] paceMillis;

    private FraudPattern(Kind kind, long block, int cards, SplittableRandom plan) {
        this.kind = kind;
        this.attempts = kind.fewestAttempts + plan.nextInt(kind.mostAttempts - kind.fewestAttempts + 1);
        this.firstIndex = block * BLOCK + plan.nextInt(BLOCK - LONGEST + 1);
        this.cardKey = kind == Kind.NEW_CARD_SPREE ? cards + block : plan.nextInt(cards);
        this.channel = kind == Kind.VELOCITY_BURST || kind == Kind.CARD_TESTING || plan.nextDouble() < 0.6
                ? PaymentChannel.ECOMMERCE
                : PaymentChannel.CARD_PRESENT;
        this.country = MerchantCountry.any(plan);
        this.category = kind == Kind.CARD_TESTING ? MerchantCategory.DIGITAL_GOODS : MerchantCategory.favouredByFraud(plan);
        this.merchant = plan.nextInt(100_000);
        this.paceMillis = new long[attempts];
        for (int attempt = 1; attempt < attempts; attempt++) {
            paceMillis[attempt] =
                    paceMillis[attempt - 1] + plan.nextLong(kind.shortestGapMillis, kind.longestGapMillis + 1);
        }
    }

    /**
     * The pattern of the block that holds the record at {@code index}, if that record is one of its
     * attempts; null for an honest record.
     *
     * @param cards the number of card holders, the keys of the generator
     */
    static FraudPattern covering(long seed, long index, int cards) {
        long block = index / BLOCK;
        SplittableRandom plan = DerivedRandom.BLOCK_PLAN.at(seed, block);
        if (plan.nextDouble() >= PATTERN_SHARE) {
            return null;
        }
        FraudPattern pattern = new FraudPattern(kindOf(plan.nextDouble()), block, cards, plan);
        return index >= pattern.firstIndex && index < pattern.firstIndex + pattern.attempts ? pattern : null;
    }

    private static Kind kindOf(double draw) {
        for (Kind kind : Kind.values()) {
            draw -= kind.share;
            if (draw < 0) {
                return kind;
            }
        }
        return Kind.NEW_CARD_SPREE;
    }

    /** Which attempt of the pattern the record at {@code index} is, from 0. */
    int attemptOf(long index) {
        return Math.toIntExact(index - firstIndex);
    }

    /**
     * The event time of an attempt: the fraudster's pace, as far as the records' due times allow.
     * A record may lie at most the generator's out-of-orderness behind its due time and never after
     * it, so the pattern is anchored where its last attempt is earliest allowed, and each attempt
     * is kept within its own record's bounds. When the pattern's records span less than the
     * out-of-orderness the pace is kept; otherwise the attempts follow their due times.
     *
     * @param dueMillis the due time of the pattern's first record
     */
    long eventTimeMillis(int attempt, long dueMillis, long intervalMillis, long maxOutOfOrdernessMillis) {
        long anchor = dueMillis + (attempts - 1) * intervalMillis - maxOutOfOrdernessMillis;
        long due = dueMillis + attempt * intervalMillis;
        return Math.max(due - maxOutOfOrdernessMillis, Math.min(due, anchor + paceMillis[attempt]));
    }
}
