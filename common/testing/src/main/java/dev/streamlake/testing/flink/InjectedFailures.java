package dev.streamlake.testing.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.List;

/**
 * Failures to inject right behind a source: each a pass-through map that fails once (e.g. {@link
 * FailOnceAfterCheckpoint}, {@link FailOnceAt}), chained in order with uids of their own, so that
 * the rest of the topology and its state are the job's own.
 */
public final class InjectedFailures {

    private InjectedFailures() {}

    /** @param input names the failures' uids, unique per input of a job */
    public static <T> DataStream<T> after(
            DataStream<T> source, String input, List<? extends MapFunction<T, T>> failures) {
        DataStream<T> stream = source;
        for (int i = 0; i < failures.size(); i++) {
            stream = stream.map(failures.get(i))
                    .returns(source.getType())
                    .uid(input + "-injected-failure-" + i)
                    .name("Injected failure " + i + ": " + input);
        }
        return stream;
    }
}
