package dev.streamlake.core.deadletter;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits decoded records: events go to the main output, dead letters to the {@link
 * #DEAD_LETTERS} side output, so bad input is kept and counted but never reaches the business
 * logic. Counts both in the metrics {@code eventsDecoded} and {@code deadLetters}.
 */
public final class DeadLetterSplitter<T> extends ProcessFunction<Decoded<T>, T> {

    private static final long serialVersionUID = 1L;

    /** The side output with every record that could not be decoded. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    public static final String EVENTS_METRIC = "eventsDecoded";
    public static final String DEAD_LETTERS_METRIC = "deadLetters";

    private transient Counter events;
    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getMetricGroup().counter(EVENTS_METRIC);
        deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTERS_METRIC);
    }

    @Override
    public void processElement(Decoded<T> record, Context context, Collector<T> out) {
        if (record.isValue()) {
            events.inc();
            out.collect(record.getValue());
        } else {
            deadLetters.inc();
            context.output(DEAD_LETTERS, record.getDeadLetter());
        }
    }
}
