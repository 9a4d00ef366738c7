package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The first step per card: an authorisation the watermark has already passed goes to the too-late
 * output, and an exact duplicate (an authorisation id the card had within the retention) is counted
 * once. Each remembered id is forgotten when the watermark passes its time plus the retention.
 */
final class AuthorisationArrivals extends KeyedProcessFunction<String, CardAuthorisation, CardAuthorisation> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<CardAuthorisation> TOO_LATE =
            new OutputTag<>("too-late-authorisations", TypeInformation.of(CardAuthorisation.class));

    private final long retentionMillis;

    /** Authorisation id → event time, of the card's authorisations within the retention. */
    private transient MapState<String, Long> seen;

    private transient Counter duplicates;
    private transient Counter tooLate;

    AuthorisationArrivals(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(Configuration parameters) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-authorisations", Types.STRING, Types.LONG));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateAuthorisations");
        tooLate = getRuntimeContext().getMetricGroup().counter("tooLateAuthorisations");
    }

    @Override
    public void processElement(CardAuthorisation authorisation, Context ctx, Collector<CardAuthorisation> out)
            throws Exception {
        long ts = authorisation.getTs().toEpochMilli();
        if (ts <= ctx.timerService().currentWatermark()) {
            tooLate.inc();
            ctx.output(TOO_LATE, authorisation);
            return;
        }
        if (seen.contains(authorisation.getAuthorisationId())) {
            duplicates.inc();
            return;
        }
        seen.put(authorisation.getAuthorisationId(), ts);
        ctx.timerService().registerEventTimeTimer(ts + retentionMillis);
        out.collect(authorisation);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CardAuthorisation> out) throws Exception {
        Iterator<Map.Entry<String, Long>> entries = seen.iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue() + retentionMillis <= timestamp) {
                entries.remove();
            }
        }
        if (seen.isEmpty()) {
            seen.clear();
        }
    }
}
