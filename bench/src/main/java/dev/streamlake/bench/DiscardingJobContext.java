package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.deadletter.DecodedStreams;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.JobContext;
import dev.streamlake.core.job.StreamOutput;
import dev.streamlake.core.job.Table;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.DeadLetter;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job's context for the benchmark: its one input from the segment's source, dead letters split
 * off as the skeleton does, and every table and output discarded, so P measures the job's own
 * topology and not the writing.
 */
final class DiscardingJobContext implements JobContext {

    private final StreamExecutionEnvironment env;
    private final JobConfig config;
    private final EventSource<?> source;

    DiscardingJobContext(StreamExecutionEnvironment env, JobConfig config, EventSource<?> source) {
        this.env = env;
        this.config = config;
        this.source = source;
    }

    @Override
    public StreamExecutionEnvironment environment() {
        return env;
    }

    @Override
    public JobConfig config() {
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> DataStream<T> read(Input<T> input) {
        env.getConfig().enableObjectReuse();
        DecodedStreams<T> decoded =
                DecodedStreams.split(((EventSource<T>) source).createStream(env), input.typeInfo(), input.name());
        reject(decoded.deadLetters());
        return decoded.events();
    }

    @Override
    public <T extends SpecificRecord> void write(DataStream<T> rows, Table<T> table) {
        rows.sinkTo(new EndMarkingSink<>()).name("Discard " + table.name());
    }

    @Override
    public <T extends SpecificRecord> void send(DataStream<T> events, StreamOutput<T> output) {}

    @Override
    public void reject(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(new EndMarkingSink<>()).name("Discard dead letters");
    }
}
