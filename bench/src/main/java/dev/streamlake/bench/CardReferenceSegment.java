package dev.streamlake.bench;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesKeys;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * R: the smallest plain DataStream program with the job's velocity count: keyBy card → Flink's
 * tumbling event-time window of the job's velocity rule (5 s) → incremental count, kept when above
 * the rule's maximum (3); bad records and late authorisations are dropped.
 */
final class CardReferenceSegment extends Segment {

    static final Duration VELOCITY_WINDOW = CardAnomaliesKeys.VELOCITY_SIZE.defaultValue().orElseThrow();
    static final int VELOCITY_MAX = CardAnomaliesKeys.VELOCITY_MAX.defaultValue().orElseThrow();

    CardReferenceSegment() {
        super("R", "reference: decode → keyBy card → tumbling 5 s event-time window (Flink's window operator) → "
                + "incremental count, windows of more than 3 kept", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        input.plainJson(CardAuthorisationEvents.INSTANCE)
                .createStream(env)
                .flatMap(new DecodedValues<>())
                .returns(TypeInformation.of(CardAuthorisation.class))
                .keyBy(CardAuthorisation::getCardId, Types.STRING)
                .window(TumblingEventTimeWindows.of(VELOCITY_WINDOW))
                .aggregate(
                        new AttemptCount<>(),
                        new CardWindowCount(),
                        Types.LONG,
                        Types.LONG,
                        Types.TUPLE(Types.STRING, Types.LONG, Types.LONG))
                .uid("velocity-count")
                .filter(count -> count.f2 > VELOCITY_MAX)
                .sinkTo(new EndMarkingSink<>())
                .name("Discard");
    }

    /** The count with the card and the window it belongs to. */
    private static final class CardWindowCount
            extends ProcessWindowFunction<Long, Tuple3<String, Long, Long>, String, TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(String card, Context context, Iterable<Long> counts, Collector<Tuple3<String, Long, Long>> out) {
            out.collect(Tuple3.of(card, context.window().getStart(), counts.iterator().next()));
        }
    }
}
