package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.state.HeldKeyedState;
import dev.streamlake.core.state.HeldValues;
import dev.streamlake.core.state.KeyDeadlines;
import dev.streamlake.core.watermark.FlooredWatermark;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The card detector (docs/card-anomalies.md): per card, in event-time order, each authorisation
 * (exact duplicates counted once) gets the card's features as of it (a scored transaction) and is
 * judged by every rule in force at its time; alerts that pass suppression go to {@link #ALERTS}.
 * Rule versions come from the broadcast rules input and are kept in broadcast state, so they
 * survive restarts and rescaling.
 *
 * <p>An authorisation the authorisations' own watermark has passed goes to {@link #TOO_LATE}
 * unscored: later ones of its card may have been scored. That watermark is kept across restores
 * ({@link FlooredWatermark}, as {@code KeyedEventTime}'s floor does for one-input steps), so a
 * record replayed after a recovery is judged as it was the first time. The check is here, not in a
 * step of its own in front: Flink does not chain a two-input operator behind another, and the
 * task boundary cost every authorisation a serialisation.
 *
 * <p>An authorisation waits until the watermark of both inputs passes it: the order, and so every
 * feature and alert, then depends on the data only, and a rule version stated ahead of the stream
 * is in force exactly from its effective time. A card has a deadline at its first waiting
 * authorisation, and at most one more: when it would be forgotten, moved on when it comes and the
 * card was active since. The deadlines are heaps of times and card ids ({@link KeyDeadlines}),
 * listed again from the cards' state after a restore, rather than Flink timers: registering and
 * polling a timer per authorisation in Flink's de-duplicating, key-group-partitioned queue was a
 * third of the detector's time with heap state (the benchmark's P segment). Expiries have a heap of
 * their own: nearly every card has one, a week ahead, and in one heap with the waiting
 * authorisations' deadlines, each of those (seconds ahead) climbed past them all, a cache miss a
 * level at a million cards.
 *
 * <p>Why an operator rather than a {@code KeyedBroadcastProcessFunction}: the function read and
 * wrote a card's state several times per authorisation, which with RocksDB cost most of the job's
 * time (the benchmark's P segment). Here the cards are held in memory ({@link HeldKeyedState}, up
 * to {@code heldCards} of them), and those that changed are written to keyed state before each
 * checkpoint barrier, so checkpoints stay keyed, rescalable and incremental.
 */
final class CardDetector extends AbstractStreamOperator<ScoredTransaction>
        implements TwoInputStreamOperator<CardAuthorisation, CardRule, ScoredTransaction>,
                BoundedMultiInput {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(CardDetector.class);

    /** Rule versions from the rules input, by rule id and version. */
    static final MapStateDescriptor<String, CardRule> RULE_VERSIONS =
            new MapStateDescriptor<>("card-rule-versions", Types.STRING, TypeInformation.of(CardRule.class));

    static final OutputTag<CardAlert> ALERTS = new OutputTag<>("card-alerts", TypeInformation.of(CardAlert.class));

    /** Authorisations the authorisations' watermark had passed when they arrived: unscored. */
    static final OutputTag<CardAuthorisation> TOO_LATE =
            new OutputTag<>("too-late-authorisations", CardAuthorisationSerializer.TYPE_INFO);

    /** The authorisations' last watermark, the floor of their event time after a restore. */
    private static final String AUTHORISATIONS_WATERMARK = "authorisations-watermark";

    /** The keyed state: one {@link CardActivity} per card. */
    static final String STATE_NAME = "card-activity";

    private final DetectorSettings settings;
    private final List<CardRule> initialRules;
    private final int heldCards;

    private transient HeldKeyedState<String, CardActivity> held;
    /** The held cards' activity, by the number the held state gives each card. */
    private transient CardActivity[] cards;
    /** The cards' first waiting authorisations: a few seconds of them, so a small heap. */
    private transient KeyDeadlines<String> deadlines;
    /** When the cards would be forgotten: about one per card, a baseline ahead. */
    private transient KeyDeadlines<String> expiries;
    private transient boolean restored;
    private transient BroadcastState<String, CardRule> ruleVersions;
    /** The authorisations' own watermark, which says what is too late; the rules' may lag behind it. */
    private transient FlooredWatermark authorisationsTime;
    /** The initial rules and the broadcast state's versions; built again after a restore. */
    private transient RuleBook rules;
    private transient CardScorer scorer;
    private transient StreamRecord<ScoredTransaction> scoredRecord;
    private transient ScorerResults results;

    private transient Counter tooLate;
    private transient Counter duplicates;
    private transient Counter scored;
    private transient Counter alerts;
    private transient Counter suppressed;
    private transient Counter rulesAdded;
    private transient Counter staleRules;

    CardDetector(DetectorSettings settings, List<CardRule> initialRules, int heldCards) {
        if (heldCards < 0) {
            throw new IllegalArgumentException("heldCards must not be negative: " + heldCards);
        }
        this.settings = settings;
        this.initialRules = List.copyOf(initialRules);
        this.heldCards = heldCards;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        ruleVersions = context.getOperatorStateStore().getBroadcastState(RULE_VERSIONS);
        authorisationsTime = FlooredWatermark.restore(context, AUTHORISATIONS_WATERMARK);
        restored = context.isRestored();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        authorisationsTime.snapshot();
    }

    @Override
    public void open() throws Exception {
        super.open();
        KeyedStateBackend<String> backend = getKeyedStateBackend();
        // Heap state: every card's value is in memory anyway, so all are held, and a copy of each
        // changed one goes to the backend before each barrier; the bound on held cards is for RocksDB.
        int mostHeld = HeldKeyedState.keepsObjects(backend) ? Integer.MAX_VALUE : heldCards;
        held = new HeldKeyedState<>(
                backend, new ValueStateDescriptor<>(STATE_NAME, CardActivitySerializer.INSTANCE), mostHeld, new HeldCards());
        cards = new CardActivity[64];
        deadlines = new KeyDeadlines<>();
        expiries = new KeyDeadlines<>();
        scorer = new CardScorer(settings);
        scoredRecord = new StreamRecord<>(null);
        results = new ScorerResults();
        tooLate = getMetricGroup().counter("tooLateAuthorisations");
        duplicates = getMetricGroup().counter("duplicateAuthorisations");
        scored = getMetricGroup().counter("scoredTransactions");
        alerts = getMetricGroup().counter("alerts");
        suppressed = getMetricGroup().counter("suppressedAlerts");
        rulesAdded = getMetricGroup().counter("ruleVersionsAdded");
        staleRules = getMetricGroup().counter("staleRules");
        getMetricGroup().gauge("heldCards", () -> held.size());
        getMetricGroup().gauge("pendingCardDeadlines", this::pendingDeadlines);
        if (restored) {
            listDeadlinesOfStoredCards();
        }
    }

    @Override
    public void processElement1(StreamRecord<CardAuthorisation> element) throws Exception {
        forwardRestoredFloor();
        CardAuthorisation authorisation = element.getValue();
        if (authorisation.getTs().toEpochMilli() <= authorisationsTime.current()) {
            // The card's later authorisations may have been scored already.
            tooLate.inc();
            output.collect(TOO_LATE, element);
            return;
        }
        String cardId = authorisation.getCardId();
        int number = held.hold(cardId);
        if (number < 0) {
            number = held.add(cardId);
        }
        CardActivity card = get(number);
        if (card == null) {
            // new, or forgotten since the last checkpoint while still held
            card = new CardActivity();
            put(number, card);
        }
        if (!card.await(authorisation)) {
            duplicates.inc();
            return;
        }
        if (card.waiting.get(0) == authorisation) {
            // The first waiting one has a deadline; a later one gets it when the ones before are handled.
            // The held key's own object: found again by identity, without reading its characters.
            deadlines.add(authorisation.getTs().toEpochMilli(), held.key(number));
        }
        held.markChanged(number);
        held.letGoIfFull();
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        forwardRestoredFloor();
        if (authorisationsTime.advance(mark.getTimestamp())) {
            super.processWatermark1(mark);
        }
    }

    /**
     * The authorisations ended for good (a bounded input, or a stop with drain): their event time
     * moves to its end. Flink's own end-of-time watermark does not get here when the input was
     * idle at its end (the runtime drops an idle input's watermarks); saying the input is active
     * first also lets the watermark through to the steps behind, whose output may be idle too.
     */
    @Override
    public void endInput(int inputId) throws Exception {
        if (inputId == 1) {
            processWatermarkStatus1(WatermarkStatus.ACTIVE);
            processWatermark1(Watermark.MAX_WATERMARK);
        }
    }

    /** After a restore, the authorisations' watermark at the checkpoint, before anything else of theirs. */
    private void forwardRestoredFloor() throws Exception {
        long floor = authorisationsTime.takeRestoredFloor();
        if (floor != FlooredWatermark.NONE) {
            super.processWatermark1(new Watermark(floor));
        }
    }

    @Override
    public void processElement2(StreamRecord<CardRule> element) throws Exception {
        CardRule rule = element.getValue();
        switch (rules().add(rule)) {
            case ADDED:
                ruleVersions.put(rule.getRuleId() + "#" + rule.getVersion(), rule);
                rulesAdded.inc();
                LOG.info("Rule {} version {} ({}) is in force from {}.",
                        rule.getRuleId(), rule.getVersion(), rule.getEnabled() ? "on" : "off", rule.getEffectiveFrom());
                break;
            case STALE:
                staleRules.inc();
                LOG.warn("Rule {} version {} is ignored: the job holds a version as high or higher.",
                        rule.getRuleId(), rule.getVersion());
                break;
            case REPEATED:
            default:
                break;
        }
    }

    /**
     * The combined watermark of both inputs: the cards with authorisations due act, in the order of
     * their deadlines, then those due to expire (which may have had authorisations due too: it is
     * the card's state that says what is due, whichever deadline brings it).
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long watermark = mark.getTimestamp();
        actOnDue(deadlines, watermark);
        actOnDue(expiries, watermark);
        super.processWatermark(mark);
    }

    private void actOnDue(KeyDeadlines<String> heap, long watermark) throws Exception {
        for (String cardId = heap.pollDue(watermark); cardId != null; cardId = heap.pollDue(watermark)) {
            setCurrentKey(cardId);
            actOnDeadline(cardId, watermark);
        }
    }

    /** Handles the card's authorisations the watermark has passed, forgets an idle card, lists its next deadline. */
    private void actOnDeadline(String cardId, long watermark) throws Exception {
        int number = held.hold(cardId);
        CardActivity card = number < 0 ? null : get(number);
        if (card == null) {
            return; // forgotten already: an outdated deadline
        }
        int due = 0;
        while (due < card.waiting.size() && card.waiting.get(due).getTs().toEpochMilli() <= watermark) {
            due++;
        }
        if (due > 0) {
            RuleBook book = rules();
            long now = getProcessingTimeService().getCurrentProcessingTime();
            for (int i = 0; i < due; i++) {
                scorer.score(card, card.waiting.get(i), book, now, results);
            }
            card.handled(due);
        }
        if (card.expiry != CardActivity.NONE && card.expiry <= watermark) {
            card.expiry = CardActivity.NONE; // this deadline, or one due at this same watermark
        }
        if (!card.waiting.isEmpty()) {
            if (due > 0) {
                // The new first one; one that was first when it arrived is listed twice, harmlessly.
                deadlines.add(card.waiting.get(0).getTs().toEpochMilli(), cardId);
            }
        } else if (watermark > card.lastTs + settings.baselineMillis) {
            put(number, null);
        } else if (card.expiry == CardActivity.NONE) {
            card.expiry = card.lastTs + settings.baselineMillis + 1;
            expiries.add(card.expiry, cardId);
        }
        held.markChanged(number);
        held.letGoIfFull();
    }

    /** The checkpoint holds every change: the held cards go to keyed state before the barrier. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        held.writeChanged();
    }

    /** After a restore: each stored card's first waiting authorisation and expiry, as its deadlines. */
    private void listDeadlinesOfStoredCards() throws Exception {
        held.forEachStored(
                (cardId, state) -> {
                    CardActivity card = state.value();
                    if (!card.waiting.isEmpty()) {
                        deadlines.add(card.waiting.get(0).getTs().toEpochMilli(), cardId);
                    }
                    if (card.expiry != CardActivity.NONE) {
                        expiries.add(card.expiry, cardId);
                    }
                });
    }

    /** Deadlines listed and not yet come, outdated ones included. */
    int pendingDeadlines() {
        return deadlines.size() + expiries.size();
    }

    private CardActivity get(int number) {
        return number < cards.length ? cards[number] : null;
    }

    private void put(int number, CardActivity card) {
        if (number >= cards.length) {
            cards = Arrays.copyOf(cards, Math.max(number + 1, cards.length * 2));
        }
        cards[number] = card;
    }

    /** The rule book, made from the initial rules and the broadcast state's versions at first use. */
    private RuleBook rules() throws Exception {
        if (rules == null) {
            List<CardRule> all = new ArrayList<>(initialRules);
            for (Map.Entry<String, CardRule> version : ruleVersions.immutableEntries()) {
                all.add(version.getValue());
            }
            // lowest version first, as they came: the state's order is not theirs
            all.sort(Comparator.comparingLong(CardRule::getVersion));
            rules = new RuleBook(all);
        }
        return rules;
    }

    /** Scored transactions to the main output, alerts to theirs, each stamped with its event time. */
    private final class ScorerResults implements CardScorer.Results {

        @Override
        public void scored(ScoredTransaction transaction) {
            output.collect(scoredRecord.replace(transaction, transaction.getTs().toEpochMilli()));
            scored.inc();
        }

        @Override
        public void alert(CardAlert alert) {
            output.collect(ALERTS, new StreamRecord<>(alert, alert.getEventTime().toEpochMilli()));
            alerts.inc();
        }

        @Override
        public void suppressed() {
            suppressed.inc();
        }
    }

    /** The held cards' activity, kept by number; a card gone (forgotten) clears its state. */
    private final class HeldCards implements HeldValues<CardActivity> {

        @Override
        public CardActivity valueToWrite(int number) {
            CardActivity card = get(number);
            return card == null ? null : card.copy();
        }

        @Override
        public CardActivity valueToLetGo(int number) {
            return get(number);
        }

        @Override
        public void readBack(int number, CardActivity stored) {
            put(number, stored);
        }

        @Override
        public void letGoAll() {
            Arrays.fill(cards, null);
        }
    }
}
