package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sets aside the authorisations the watermark of the authorisations has already passed: the card
 * detector may have scored later ones of the card, so these go to {@link #TOO_LATE} unscored.
 *
 * <p>It runs right after the shuffle, behind the event-time floor, so the watermark it judges by
 * is the authorisations' own and never goes back after a restore; the detector's watermark also
 * waits for the rules input and may lag.
 */
final class TooLateAuthorisations extends KeyedProcessFunction<String, CardAuthorisation, CardAuthorisation> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<CardAuthorisation> TOO_LATE =
            new OutputTag<>("too-late-authorisations", CardAuthorisationSerializer.TYPE_INFO);

    private transient Counter tooLate;

    @Override
    public void open(Configuration parameters) {
        tooLate = getRuntimeContext().getMetricGroup().counter("tooLateAuthorisations");
    }

    @Override
    public void processElement(CardAuthorisation authorisation, Context ctx, Collector<CardAuthorisation> out) {
        if (authorisation.getTs().toEpochMilli() <= ctx.timerService().currentWatermark()) {
            tooLate.inc();
            ctx.output(TOO_LATE, authorisation);
        } else {
            out.collect(authorisation);
        }
    }
}
