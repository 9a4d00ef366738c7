package dev.streamlake.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** One program measured over the event pool; every segment reads the same records. */
abstract class Segment {

    private final String code;
    private final String description;
    private final boolean stateful;
    private final boolean eventTime;

    /**
     * @param code A, R, S or P, as in the report
     * @param stateful whether it keeps keyed state (and so has a checkpointed state size)
     * @param eventTime whether its source assigns timestamps and emits watermarks
     */
    Segment(String code, String description, boolean stateful, boolean eventTime) {
        this.code = code;
        this.description = description;
        this.stateful = stateful;
        this.eventTime = eventTime;
    }

    final String code() {
        return code;
    }

    final String description() {
        return description;
    }

    final boolean stateful() {
        return stateful;
    }

    final boolean eventTime() {
        return eventTime;
    }

    abstract void build(StreamExecutionEnvironment env, SegmentInput input);
}
