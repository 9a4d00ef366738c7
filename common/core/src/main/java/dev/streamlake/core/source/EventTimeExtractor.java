package dev.streamlake.core.source;

import java.io.Serializable;

/** Reads the event time of an event, in epoch milliseconds; e.g. {@code r -> r.getTs().toEpochMilli()}. */
@FunctionalInterface
public interface EventTimeExtractor<T> extends Serializable {

    long eventTimeMillis(T event);
}
