package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The card detector in Flink's keyed two-input operator harness, configured by job keys. */
final class DetectorHarness implements AutoCloseable {

    final KeyedTwoInputStreamOperatorTestHarness<String, CardAuthorisation, CardRule, ScoredTransaction> harness;

    private DetectorHarness(Map<String, String> settings, OperatorSubtaskState restored, StateBackend backend)
            throws Exception {
        JobConfig config = JobConfig.of(CardAnomaliesKeys.SCHEMA, settings);
        CardDetector detector = new CardDetector(
                DetectorSettings.from(config), InitialRules.from(config), config.get(CardAnomaliesKeys.HELD_CARDS));
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                detector, CardAuthorisation::getCardId, null, Types.STRING);
        harness.setStateBackend(backend);
        harness.setup();
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    static DetectorHarness with(Map<String, String> settings) throws Exception {
        return with(settings, new HashMapStateBackend());
    }

    static DetectorHarness with(Map<String, String> settings, StateBackend backend) throws Exception {
        return new DetectorHarness(settings, null, backend);
    }

    static DetectorHarness restored(Map<String, String> settings, OperatorSubtaskState state) throws Exception {
        return restored(settings, state, new HashMapStateBackend());
    }

    static DetectorHarness restored(Map<String, String> settings, OperatorSubtaskState state, StateBackend backend)
            throws Exception {
        return new DetectorHarness(settings, state, backend);
    }

    void send(CardAuthorisation... authorisations) throws Exception {
        for (CardAuthorisation authorisation : authorisations) {
            harness.processElement1(authorisation, authorisation.getTs().toEpochMilli());
        }
    }

    void rule(CardRule rule) throws Exception {
        harness.processElement2(rule, rule.getEffectiveFrom().toEpochMilli());
    }

    /** Moves the watermark of both inputs. */
    void watermark(long ts) throws Exception {
        harness.processWatermark1(new Watermark(ts));
        harness.processWatermark2(new Watermark(ts));
    }

    /** Moves the watermark of the authorisations only (the rules' lags). */
    void authorisationsWatermark(long ts) throws Exception {
        harness.processWatermark1(new Watermark(ts));
    }

    /** The detector's deadlines not yet come, in place of timers. */
    int pendingDeadlines() {
        return ((CardDetector) harness.getOperator()).pendingDeadlines();
    }

    /** Ids of the authorisations set aside as too late. */
    List<String> tooLate() {
        return harness.getSideOutput(CardDetector.TOO_LATE) == null
                ? List.of()
                : harness.getSideOutput(CardDetector.TOO_LATE).stream()
                        .map(record -> record.getValue().getAuthorisationId())
                        .collect(Collectors.toList());
    }

    /** A checkpoint's state, taken as the runtime takes it: the barrier follows the held cards' writing. */
    OperatorSubtaskState checkpoint(long id) throws Exception {
        harness.prepareSnapshotPreBarrier(id);
        return harness.snapshot(id, id);
    }

    List<ScoredTransaction> scored() {
        return harness.extractOutputValues();
    }

    List<CardAlert> alerts() {
        return harness.getSideOutput(CardDetector.ALERTS) == null
                ? List.of()
                : harness.getSideOutput(CardDetector.ALERTS).stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    List<CardAlert> alertsOf(String ruleId) {
        return alerts().stream().filter(a -> a.getRuleId().equals(ruleId)).collect(Collectors.toList());
    }

    /** Cards with keyed state once the held cards are written, as before a checkpoint barrier. */
    long keyedStateEntries() throws Exception {
        harness.prepareSnapshotPreBarrier(0);
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> cards = backend.getKeys(CardDetector.STATE_NAME, VoidNamespace.INSTANCE)) {
            return cards.count();
        }
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
