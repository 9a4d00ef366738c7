package dev.streamlake.core.deadletter;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** A decoded stream split in two: the events, and the dead letters to keep in their own sink. */
public final class DecodedStreams<T> {

    private final DataStream<T> events;
    private final DataStream<DeadLetter> deadLetters;

    private DecodedStreams(DataStream<T> events, DataStream<DeadLetter> deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    /**
     * Splits an input's decoded stream with a {@link DeadLetterSplitter} of uid {@code
     * <input>-dead-letter-split}: stable, so its metrics keep their names across upgrades.
     */
    public static <T> DecodedStreams<T> split(
            DataStream<Decoded<T>> decoded, TypeInformation<T> eventType, String input) {
        SingleOutputStreamOperator<T> events =
                decoded.process(new DeadLetterSplitter<T>(), eventType)
                        .uid(input + "-dead-letter-split")
                        .name("Split dead letters: " + input);
        return new DecodedStreams<>(events, events.getSideOutput(DeadLetterSplitter.DEAD_LETTERS));
    }

    public DataStream<T> events() {
        return events;
    }

    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
