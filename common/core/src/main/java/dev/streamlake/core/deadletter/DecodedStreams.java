package dev.streamlake.core.deadletter;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** A decoded stream split in two: the events, and the dead letters to keep in their own sink. */
public final class DecodedStreams<T> {

    /** The uid of the splitting operator; stable, so state and metrics survive upgrades. */
    public static final String UID = "dead-letter-split";

    private final DataStream<T> events;
    private final DataStream<DeadLetter> deadLetters;

    private DecodedStreams(DataStream<T> events, DataStream<DeadLetter> deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    /** Splits a decoded stream with a {@link DeadLetterSplitter}. */
    public static <T> DecodedStreams<T> split(DataStream<Decoded<T>> decoded, TypeInformation<T> eventType) {
        SingleOutputStreamOperator<T> events =
                decoded.process(new DeadLetterSplitter<T>(), eventType).uid(UID).name("Split dead letters");
        return new DecodedStreams<>(events, events.getSideOutput(DeadLetterSplitter.DEAD_LETTERS));
    }

    public DataStream<T> events() {
        return events;
    }

    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
