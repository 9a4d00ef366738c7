package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** The job's own source, followed by failures to inject; the rest of the topology is the job's own. */
final class WithInjectedFailures implements EventSource<SensorReading> {

    private final EventSource<SensorReading> source;
    private final List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures;

    WithInjectedFailures(
            EventSource<SensorReading> source,
            List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures) {
        this.source = source;
        this.failures = failures;
    }

    @Override
    public DataStream<Decoded<SensorReading>> createStream(StreamExecutionEnvironment env) {
        DataStream<Decoded<SensorReading>> stream = source.createStream(env);
        for (int i = 0; i < failures.size(); i++) {
            stream = stream.map(failures.get(i))
                    .returns(stream.getType())
                    .uid("injected-failure-" + i)
                    .name("Injected failure " + i);
        }
        return stream;
    }
}
