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

/** Authorisations the watermark has passed are set aside, the others go on; nothing is kept. */
class TooLateAuthorisationsTest {

    private static final long MINUTE = 60_000;

    @Test
    void anAuthorisationTheWatermarkHasPassedIsTooLate() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CardAuthorisation, CardAuthorisation> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TooLateAuthorisations(), CardAuthorisation::getCardId, Types.STRING)) {
            harness.processElement(approved("early", "card-1", at(0), "5.00"), at(0));
            harness.processWatermark(at(MINUTE));
            for (CardAuthorisation authorisation : new CardAuthorisation[] {
                approved("on-the-mark", "card-1", at(MINUTE), "5.00"),
                approved("before", "card-1", at(0), "5.00"),
                approved("after", "card-1", at(MINUTE + 1), "5.00")
            }) {
                harness.processElement(authorisation, authorisation.getTs().toEpochMilli());
            }
            assertThat(harness.extractOutputValues()).extracting(CardAuthorisation::getAuthorisationId)
                    .containsExactly("early", "after");
            assertThat(harness.getSideOutput(TooLateAuthorisations.TOO_LATE).stream()
                            .map(StreamRecord::getValue).map(CardAuthorisation::getAuthorisationId))
                    .containsExactly("on-the-mark", "before");
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }
}
