package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** An input's own source, followed by failures to inject; the rest of the topology is the job's own. */
final class WithInjectedFailures<T> implements EventSource<T> {

    private final EventSource<T> source;
    private final List<MapFunction<Decoded<T>, Decoded<T>>> failures;

    WithInjectedFailures(EventSource<T> source, List<MapFunction<Decoded<T>, Decoded<T>>> failures) {
        this.source = source;
        this.failures = failures;
    }

    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        DataStream<Decoded<T>> stream = source.createStream(env);
        for (int i = 0; i < failures.size(); i++) {
            stream = stream.map(failures.get(i))
                    .returns(stream.getType())
                    .uid("injected-failure-" + i)
                    .name("Injected failure " + i);
        }
        return stream;
    }
}
