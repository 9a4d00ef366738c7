package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.deadletter.DecodedStreams;
import dev.streamlake.core.kafka.KafkaSinkFactory;
import dev.streamlake.core.kinesis.KinesisSinkFactory;
import dev.streamlake.core.privacy.DeadLetterSealer;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.delta.DeltaSink;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The context the runner builds a job in: inputs from the sources the configuration names (or a
 * test's replacement), tables on Delta, outputs to Kafka or Kinesis. Uids follow the names:
 * {@code <input>-<type>-source}, {@code <input>-dead-letter-split}, {@code <table>-delta-sink},
 * {@code <output>-kafka-sink} or {@code <output>-kinesis-sink}.
 */
final class ConfiguredJobContext implements JobContext {

    private final JobDefinition definition;
    private final JobConfig config;
    private final StreamExecutionEnvironment env;
    private final Map<String, EventSource<?>> replacedSources;
    /** Sinks that take the place of the Delta tables; null to write Delta. */
    private final TableSinks replacedTables;
    private final TableLocations tables;
    private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    ConfiguredJobContext(
            JobDefinition definition,
            JobConfig config,
            StreamExecutionEnvironment env,
            Map<String, EventSource<?>> replacedSources,
            TableSinks replacedTables) {
        this.definition = definition;
        this.config = config;
        this.env = env;
        this.replacedSources = replacedSources;
        this.replacedTables = replacedTables;
        this.tables = new TableLocations(definition, config);
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
    public <T extends SpecificRecord> DataStream<T> read(Input<T> input) {
        useOnce(input, definition.inputs());
        DecodedStreams<T> decoded =
                DecodedStreams.split(source(input).createStream(env), input.typeInfo(), input.name());
        deadLetters.add(input.sealingSecret()
                .map(secret -> (DataStream<DeadLetter>) decoded.deadLetters()
                        .map(new DeadLetterSealer(config.get(secret)))
                        .uid(input.name() + "-dead-letter-sealing")
                        .name("Seal dead letters: " + input.name()))
                .orElse(decoded.deadLetters()));
        return decoded.events();
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> EventSource<T> source(Input<T> input) {
        EventSource<?> replaced = replacedSources.get(input.name());
        if (replaced != null) {
            return (EventSource<T>) replaced;
        }
        return ConfiguredSources.of(definition, config, input);
    }

    @Override
    public <T extends SpecificRecord> void write(DataStream<T> rows, Table<T> table) {
        useOnce(table, definition.tables());
        rows.sinkTo(
                        replacedTables != null
                                ? replacedTables.sinkFor(table)
                                : DeltaSink.forAvro(table.rowType(), tables.settings(table)))
                .uid(table.name() + "-delta-sink")
                .name("Delta table: " + table.name());
    }

    @Override
    public <T extends SpecificRecord> void send(DataStream<T> events, StreamOutput<T> output) {
        useOnce(output, definition.outputs());
        JobConfig outputConfig = config.scope(output.name());
        JsonFormat<T> format = new JsonFormat<>(output.type());
        SerializableFunction<T, String> key = output.key();
        switch (outputConfig.get(JobKeys.OUTPUT_TYPE)) {
            case KAFKA:
                events.sinkTo(KafkaSinkFactory.create(
                                outputConfig, format, key, definition.name() + "-" + output.name()))
                        .uid(output.name() + "-kafka-sink")
                        .name("Kafka: " + output.name());
                break;
            case KINESIS:
                events.sinkTo(KinesisSinkFactory.create(outputConfig, format, event -> key.apply(event)))
                        .uid(output.name() + "-kinesis-sink")
                        .name("Kinesis: " + output.name());
                break;
            case NONE:
            default:
                break;
        }
    }

    @Override
    public void reject(DataStream<DeadLetter> moreDeadLetters) {
        deadLetters.add(moreDeadLetters);
    }

    /** Writes the dead letters of every input and of the job itself to the one dead-letter table. */
    void finish() {
        if (deadLetters.isEmpty()) {
            return;
        }
        DataStream<DeadLetter> all = deadLetters.get(0);
        for (DataStream<DeadLetter> more : deadLetters.subList(1, deadLetters.size())) {
            all = all.union(more);
        }
        write(all, definition.deadLetters());
    }

    /** One sink per table and output (one committer per Delta table), one source per input. */
    private void useOnce(Object declared, List<?> declarations) {
        if (!declarations.contains(declared)) {
            throw new IllegalArgumentException("The job does not declare " + declared);
        }
        if (!used.add(declared.toString())) {
            throw new IllegalStateException("The job uses its " + declared + " twice");
        }
    }
}
