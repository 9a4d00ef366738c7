package dev.streamlake.jobs.cardanomalies.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratedRecord;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.jobs.cardanomalies.CardAuthorisationRules;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The card generator as the local run uses it: honest card holders whose amounts the job finds
 * ordinary, and among them fraud of every kind the job's initial rules look for.
 */
class CardAuthorisationRecipeTest {

    /** The local run's settings (conf/card-anomalies/local.properties), without lateness and garbage. */
    private static final GeneratorSettings LOCAL_RUN =
            GeneratorSettings.builder()
                    .keys(1_500)
                    .eventInterval(Duration.ofSeconds(3))
                    .maxOutOfOrderness(Duration.ofSeconds(20))
                    .lateShare(0)
                    .malformedShare(0)
                    .build();

    /** 4.5 days of event time. */
    private static final int RECORDS = 129_600;

    /** The events of the first {@link #RECORDS} records, by index. */
    private static List<CardAuthorisation> events;

    @BeforeAll
    static void generate() {
        EventGenerator<CardAuthorisation> generator = generator(LOCAL_RUN);
        events = new ArrayList<>(RECORDS);
        for (long index = 0; index < RECORDS; index++) {
            events.add(generator.eventAt(index));
        }
    }

    @Test
    void aRecordDependsOnTheSeedAndItsIndexAlone() throws Exception {
        EventGenerator<CardAuthorisation> shipped = InstantiationUtil.clone(generator(LOCAL_RUN));
        SplittableRandom order = new SplittableRandom(7);
        for (int draw = 0; draw < 2_000; draw++) {
            int index = order.nextInt(RECORDS);
            assertThat(shipped.eventAt(index)).isEqualTo(events.get(index));
        }
        EventGenerator<CardAuthorisation> otherSeed = generator(LOCAL_RUN.toBuilder().seed(43).build());
        assertThat(otherSeed.eventAt(0)).isNotEqualTo(events.get(0));
    }

    @Test
    void everyOnTimeRecordLiesWithinTheOutOfOrdernessBeforeItsDueTime() {
        // Fraud patterns move their attempts close together; a watermark trailing by the generator's
        // out-of-orderness must still pass none of them.
        Duration allowed = LOCAL_RUN.maxOutOfOrderness();
        for (int index = 0; index < RECORDS; index++) {
            Instant due = LOCAL_RUN.startTime().plus(LOCAL_RUN.eventInterval().multipliedBy(index));
            assertThat(events.get(index).getTs()).as("record %d", index).isBetween(due.minus(allowed), due);
        }
    }

    @Test
    void lateRecordsStayLateFraudOrNot() {
        GeneratorSettings withLateness = LOCAL_RUN.toBuilder().lateShare(0.05).lateDelay(Duration.ofMinutes(1)).build();
        EventGenerator<CardAuthorisation> generator = generator(withLateness);
        int late = 0;
        for (long index = 0; index < 20_000; index++) {
            GeneratedRecord<CardAuthorisation> record = generator.generate(index);
            if (record.isLate()) {
                late++;
                assertThat(record.event().getTs()).isEqualTo(record.dueTime().minus(Duration.ofMinutes(1)));
            }
        }
        assertThat(late).isGreaterThan(500);
    }

    @Test
    void everyRecordPassesTheInputsRulesAndDecodes() {
        EventGenerator<CardAuthorisation> generator = generator(LOCAL_RUN);
        CardAuthorisationRules rules = new CardAuthorisationRules(Duration.ofHours(1));
        for (long index = 0; index < 5_000; index++) {
            Decoded<CardAuthorisation> decoded = generator.decodedAt(index);
            assertThat(decoded.isValue()).as("record %d decodes", index).isTrue();
            assertThat(rules.violation(decoded.getValue())).isEmpty();
        }
    }

    @Test
    void cardsKeepTheirFingerprintAndHolderHabits() {
        Map<String, Set<Object>> fingerprints = new HashMap<>();
        Map<String, Long> declined = new HashMap<>();
        for (CardAuthorisation authorisation : events) {
            fingerprints.computeIfAbsent(authorisation.getCardId(), card -> new HashSet<>())
                    .add(authorisation.getCardFingerprint());
            declined.merge(authorisation.getApproved() ? "approved" : "declined", 1L, Long::sum);
        }

        assertThat(fingerprints.values()).allSatisfy(prints -> assertThat(prints).hasSize(1));
        assertThat(fingerprints.values().stream().distinct().count()).isEqualTo(fingerprints.size());
        double declineShare = (double) declined.get("declined") / events.size();
        assertThat(declineShare).isBetween(0.03, 0.06);
    }

    @Test
    void honestAmountsLookOrdinaryAndSpikesDoNot() {
        // The job's default amount-spike rule: 5 × the card's mean or a z-score of 4, with 3 days of
        // history; 4.5 days lie within its 7-day baseline, so the baseline is every earlier amount.
        long honest = 0;
        long honestFlagged = 0;
        long spikes = 0;
        long spikesFlagged = 0;
        for (List<Attempt> card : byCardInEventTimeOrder().values()) {
            Instant first = card.get(0).event().getTs();
            double sum = 0;
            double sumOfSquares = 0;
            int count = 0;
            for (Attempt record : card) {
                CardAuthorisation authorisation = record.event();
                double amount = authorisation.getAmount().doubleValue();
                boolean judged = count > 0 && Duration.between(first, authorisation.getTs()).toDays() >= 3;
                if (judged && !isFraud(record)) {
                    double mean = sum / count;
                    double deviation = Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
                    boolean flagged = amount > 5 * mean || (deviation > 0 && (amount - mean) / deviation > 4);
                    if (isSpike(record)) {
                        spikes++;
                        spikesFlagged += flagged ? 1 : 0;
                    } else {
                        honest++;
                        honestFlagged += flagged ? 1 : 0;
                    }
                }
                sum += amount;
                sumOfSquares += amount * amount;
                count++;
            }
        }

        assertThat(honest).isGreaterThan(10_000);
        assertThat((double) honestFlagged / honest).isLessThan(0.0005);
        assertThat(spikes).isGreaterThan(30);
        assertThat((double) spikesFlagged / spikes).isGreaterThan(0.9);
    }

    @Test
    void fraudOfEveryKindTheInitialRulesLookFor() {
        Map<String, List<Attempt>> cards = byCardInEventTimeOrder();

        // velocity: more than 3 attempts in a 5 s tumbling window
        assertThat(cardsWith(cards, card -> mostInTumblingWindow(card, 5_000, false) > 3)).isGreaterThan(30);
        // declined-velocity: more than 3 declined attempts in a 1 min tumbling window
        assertThat(cardsWith(cards, card -> mostInTumblingWindow(card, 60_000, true) > 3)).isGreaterThan(20);
        // recent-count: more than 20 earlier attempts within 10 minutes
        assertThat(cardsWith(cards, card -> mostWithin(card, 600_000) > 21)).isGreaterThan(10);
        // new cards spending big at once, beyond the card holders' keys
        List<CardAuthorisation> newCardsFirst = cards.entrySet().stream()
                .filter(card -> Integer.parseInt(card.getKey().substring("card-".length())) >= LOCAL_RUN.keys())
                .map(card -> card.getValue().get(0).event())
                .collect(Collectors.toList());
        assertThat(newCardsFirst).hasSizeGreaterThan(20)
                .allSatisfy(first -> assertThat(first.getAmount().doubleValue()).isGreaterThanOrEqualTo(900));
    }

    @Test
    void honestCardsDoNotLookLikeBursts() {
        Map<String, List<Attempt>> honestOnly = new TreeMap<>();
        byCardInEventTimeOrder().forEach((card, all) -> honestOnly.put(
                card, all.stream().filter(record -> !isFraud(record)).collect(Collectors.toList())));
        honestOnly.values().removeIf(List::isEmpty);

        assertThat(cardsWith(honestOnly, card -> mostInTumblingWindow(card, 5_000, false) > 3)).isZero();
        assertThat(cardsWith(honestOnly, card -> mostInTumblingWindow(card, 60_000, true) > 3)).isZero();
        assertThat(cardsWith(honestOnly, card -> mostWithin(card, 600_000) > 21)).isZero();
    }

    private static EventGenerator<CardAuthorisation> generator(GeneratorSettings settings) {
        return CardAuthorisations.generator(settings, new JsonFormat<>(CardAuthorisation.class));
    }

    private static boolean isFraud(Attempt record) {
        return FraudPattern.covering(LOCAL_RUN.seed(), record.index(), LOCAL_RUN.keys()) != null;
    }

    /** Honest cards buy at everyday merchants; a spike is at an electronics or jewellery shop. */
    private static boolean isSpike(Attempt record) {
        String category = record.event().getMerchantCategoryCode();
        return !isFraud(record)
                && (category.equals(MerchantCategory.ELECTRONICS.code) || category.equals(MerchantCategory.JEWELLERY.code));
    }

    private static Map<String, List<Attempt>> byCardInEventTimeOrder() {
        Map<String, List<Attempt>> cards = new TreeMap<>();
        for (int index = 0; index < RECORDS; index++) {
            Attempt attempt = new Attempt(index, events.get(index));
            cards.computeIfAbsent(attempt.event().getCardId(), card -> new ArrayList<>()).add(attempt);
        }
        Comparator<Attempt> order =
                Comparator.comparing((Attempt record) -> record.event().getTs())
                        .thenComparing(record -> record.event().getAuthorisationId());
        cards.values().forEach(card -> card.sort(order));
        return cards;
    }

    private static long cardsWith(
            Map<String, List<Attempt>> cards,
            Predicate<List<Attempt>> condition) {
        return cards.values().stream().filter(condition).count();
    }

    private static int mostInTumblingWindow(
            List<Attempt> card, long windowMillis, boolean declinedOnly) {
        Map<Long, Integer> perWindow = new HashMap<>();
        for (Attempt record : card) {
            if (!declinedOnly || !record.event().getApproved()) {
                perWindow.merge(Math.floorDiv(record.event().getTs().toEpochMilli(), windowMillis), 1, Integer::sum);
            }
        }
        return perWindow.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The most attempts within any span of the given length, ending with one. */
    private static int mostWithin(List<Attempt> card, long spanMillis) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < card.size(); end++) {
            long endMillis = card.get(end).event().getTs().toEpochMilli();
            while (card.get(start).event().getTs().toEpochMilli() < endMillis - spanMillis) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    /** A generated authorisation and the index of its record. */
    private static final class Attempt {

        private final long index;
        private final CardAuthorisation event;

        Attempt(long index, CardAuthorisation event) {
            this.index = index;
            this.event = event;
        }

        long index() {
            return index;
        }

        CardAuthorisation event() {
            return event;
        }
    }
}
