package dev.streamlake.serde;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

import java.util.HashMap;
import java.util.Map;

/** A metric group that keeps the counters registered on it, and open contexts that hand it out. */
public final class RecordingMetricGroup extends UnregisteredMetricsGroup {

    private final Map<String, Counter> counters = new HashMap<>();

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        counters.put(name, counter);
        return counter;
    }

    /** The count of a registered counter; fails if none was registered under the name. */
    public long count(String name) {
        Counter counter = counters.get(name);
        if (counter == null) {
            throw new AssertionError("no counter named " + name + " among " + counters.keySet());
        }
        return counter.getCount();
    }

    public DeserializationSchema.InitializationContext deserializationContext() {
        return new OpenContext();
    }

    public SerializationSchema.InitializationContext serializationContext() {
        return new OpenContext();
    }

    /** What Flink hands to serialization schemas when it opens them: the two are alike. */
    private final class OpenContext
            implements DeserializationSchema.InitializationContext, SerializationSchema.InitializationContext {

        @Override
        public RecordingMetricGroup getMetricGroup() {
            return RecordingMetricGroup.this;
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(RecordingMetricGroup.class.getClassLoader());
        }
    }
}
