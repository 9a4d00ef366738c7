package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.jobs.cardanomalies.Authorisations.approved;
import static dev.streamlake.jobs.cardanomalies.Authorisations.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.CardAuthorisation;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Duplicates counted once, too-late authorisations set aside, remembered ids forgotten. */
class AuthorisationArrivalsTest {

    private static final long MINUTE = 60_000;

    @Test
    void anExactDuplicatePassesOnce() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness = harness()) {
            CardAuthorisation first = approved("a1", "card-1", at(0), "5.00");
            send(harness, first, approved("a2", "card-1", at(1), "5.00"), first);
            assertThat(ids(harness.extractOutputValues())).containsExactly("a1", "a2");
        }
    }

    @Test
    void anAuthorisationTheWatermarkHasPassedIsTooLate() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness = harness()) {
            harness.processWatermark(at(MINUTE));
            send(harness, approved("on-the-mark", "card-1", at(MINUTE), "5.00"),
                    approved("before", "card-1", at(0), "5.00"),
                    approved("after", "card-1", at(MINUTE + 1), "5.00"));
            assertThat(ids(harness.extractOutputValues())).containsExactly("after");
            assertThat(harness.getSideOutput(AuthorisationArrivals.TOO_LATE).stream()
                            .map(StreamRecord::getValue).map(CardAuthorisation::getAuthorisationId))
                    .containsExactly("on-the-mark", "before");
        }
    }

    @Test
    void idsAreForgottenWithTheirTimersOnceTheWatermarkPassesTheRetention() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness = harness()) {
            send(harness, approved("a1", "card-1", at(0), "5.00"), approved("a2", "card-2", at(MINUTE), "5.00"));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

            harness.processWatermark(at(10 * MINUTE));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            harness.processWatermark(at(11 * MINUTE));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void rememberedIdsSurviveARestore() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState state;
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness = harness()) {
            send(harness, approved("a1", "card-1", at(0), "5.00"));
            state = harness.snapshot(1, 1);
        }
        AuthorisationArrivals arrivals = new AuthorisationArrivals(Duration.ofMinutes(10));
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(arrivals),
                        CardAuthorisation::getCardId, Types.STRING)) {
            restored.setup();
            restored.initializeState(state);
            restored.open();
            send(restored, approved("a1", "card-1", at(0), "5.00"));
            assertThat(restored.extractOutputValues()).isEmpty();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AuthorisationArrivals(Duration.ofMinutes(10)), CardAuthorisation::getCardId, Types.STRING);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness,
            CardAuthorisation... authorisations) throws Exception {
        for (CardAuthorisation authorisation : authorisations) {
            harness.processElement(authorisation, authorisation.getTs().toEpochMilli());
        }
    }

    private static List<String> ids(List<CardAuthorisation> authorisations) {
        return authorisations.stream().map(CardAuthorisation::getAuthorisationId).collect(Collectors.toList());
    }
}
