package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.DeadLetter;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a job's topology is built from: its inputs as streams of events and a place for each of
 * its results. The runner's context reads and writes what the configuration names; a test can
 * replace an input's source ({@link JobAssembly#replacingSource}).
 */
public interface JobContext {

    StreamExecutionEnvironment environment();

    /** The job's configuration, for its own keys. */
    JobConfig config();

    /**
     * The events of an input, with event-time timestamps and watermarks; records that cannot be
     * decoded or break the input's rules go to the dead-letter table instead. Each input is read once.
     */
    <T extends SpecificRecord> DataStream<T> read(Input<T> input);

    /** Writes rows to a declared Delta table, exactly-once; each table is written once. */
    <T extends SpecificRecord> void write(DataStream<T> rows, Table<T> table);

    /** Sends events to a declared stream output, if its {@code sink.type} is not none. */
    <T extends SpecificRecord> void send(DataStream<T> events, StreamOutput<T> output);

    /** Adds dead letters the job finds itself (e.g. a rule it cannot apply) to the dead-letter table. */
    void reject(DataStream<DeadLetter> deadLetters);
}
