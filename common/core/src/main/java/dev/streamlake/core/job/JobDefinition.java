package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.core.preflight.PreflightKeys;
import dev.streamlake.core.source.SourceFactory;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.DeadLetter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a job is: its name, its named inputs, Delta tables and stream outputs, and its own keys.
 * From these the skeleton derives every key the job reads ({@link #configSchema()}), the uids of
 * the operators it adds, and the tables it creates at start. Every job has a dead-letter table,
 * {@link #deadLetters()}, where bad input of all its inputs is kept.
 */
public final class JobDefinition {

    /** The name of the table every job keeps its dead letters in. */
    public static final String DEAD_LETTERS = "dead-letters";

    private final String name;
    private final List<Input<?>> inputs;
    private final List<Table<?>> tables;
    private final List<StreamOutput<?>> outputs;
    private final Table<DeadLetter> deadLetters;
    private final Map<String, ConfigKey<String>> tablePaths = new LinkedHashMap<>();
    private final Map<String, ConfigKey<InputFormat>> inputFormats = new LinkedHashMap<>();
    private final Map<String, ConfigSchema> inputSchemas = new LinkedHashMap<>();
    private final ConfigSchema schema;

    private JobDefinition(Builder builder) {
        this.name = builder.name;
        this.inputs = List.copyOf(builder.inputs);
        this.deadLetters =
                Table.of(DEAD_LETTERS, DeadLetter.class, "dead letters: bad input with its reason and original bytes")
                        .partitionedBy(PartitionColumn.dateOf("ingestion_date", "ingestion_time"))
                        .locallyNamed(builder.deadLettersLocalName);
        List<Table<?>> allTables = new ArrayList<>(builder.tables);
        allTables.add(deadLetters);
        this.tables = Collections.unmodifiableList(allTables);
        this.outputs = List.copyOf(builder.outputs);
        this.schema = schema(builder.keys);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Input<?>> inputs() {
        return inputs;
    }

    /** Every table, the dead-letter table last. */
    public List<Table<?>> tables() {
        return tables;
    }

    public Table<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public List<StreamOutput<?>> outputs() {
        return outputs;
    }

    /** Every key the job reads, in the order {@code --help} lists them. */
    public ConfigSchema configSchema() {
        return schema;
    }

    /** The key of a table's location, {@code delta.<table>.path}. */
    public ConfigKey<String> pathKey(Table<?> table) {
        return declared(tablePaths, table.name(), table);
    }

    /** The key of an input's format, {@code format} within the input's scope. */
    ConfigKey<InputFormat> formatKey(Input<?> input) {
        return declared(inputFormats, input.name(), input);
    }

    private static <K> K declared(Map<String, K> keys, String name, Object what) {
        K key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("The job does not declare " + what);
        }
        return key;
    }

    private ConfigSchema schema(ConfigSchema ownKeys) {
        ConfigSchema.Builder all =
                ConfigSchema.builder()
                        .include(EnvironmentKeys.SCHEMA)
                        .include(LocalRunKeys.SCHEMA)
                        .include(SourceFactory.SHARED)
                        .include(JobKeys.SHARED)
                        .include(PreflightKeys.SCHEMA);
        for (Input<?> input : inputs) {
            ConfigKey<InputFormat> format = formatKeyOf(input);
            inputFormats.put(input.name(), format);
            ConfigSchema inputKeys =
                    ConfigSchema.builder()
                            .include(SourceFactory.INPUT)
                            .add(format, JobKeys.SCHEMA_REGISTRY_SUBJECT)
                            .build();
            inputSchemas.put(input.name(), inputKeys);
            all.scoped(input.name(), inputKeys);
        }
        for (StreamOutput<?> output : outputs) {
            all.scoped(output.name(), JobKeys.OUTPUT);
        }
        for (Table<?> table : tables) {
            ConfigKey<String> path =
                    ConfigKey.of("delta." + table.name() + ".path", ValueType.string())
                            .withDescription(
                                    "Delta table URI of the " + table.description() + ", e.g. s3://lake/"
                                            + table.localName() + partitioningNote(table) + ".");
            tablePaths.put(table.name(), path);
            all.add(path);
        }
        ConfigSchema built = all.include(ownKeys).build();
        checkNamesDoNotShadowKeys(built);
        return built;
    }

    private static ConfigKey<InputFormat> formatKeyOf(Input<?> input) {
        return ConfigKey.of("format", ValueType.enumOf(input.formats()))
                .withDefault(input.defaultFormat())
                .withDescription("Wire format of the input's records.");
    }

    private static String partitioningNote(Table<?> table) {
        return table.partitioning().isEmpty()
                ? ""
                : "; partitioned by "
                        + table.partitioning().stream().map(PartitionColumn::name).collect(Collectors.joining(", "));
    }

    /** An input named {@code kafka} would make {@code kafka.bootstrap.servers} look like one of its keys. */
    private void checkNamesDoNotShadowKeys(ConfigSchema built) {
        List<String> scopes = new ArrayList<>();
        inputs.forEach(input -> scopes.add(input.name()));
        outputs.forEach(output -> scopes.add(output.name()));
        Set<String> scopedKeys = new HashSet<>();
        inputs.forEach(input -> inputSchemas.get(input.name()).keys()
                .forEach(key -> scopedKeys.add(input.name() + "." + key.name())));
        outputs.forEach(output -> JobKeys.OUTPUT.keys()
                .forEach(key -> scopedKeys.add(output.name() + "." + key.name())));
        for (String scope : scopes) {
            if (Collections.frequency(scopes, scope) > 1) {
                throw new IllegalArgumentException("Two inputs or outputs are named " + scope);
            }
            for (ConfigKey<?> key : built.keys()) {
                if (!scopedKeys.contains(key.name()) && key.name().startsWith(scope + ".")) {
                    throw new IllegalArgumentException(
                            "The input or output name '" + scope + "' clashes with the key " + key.name());
                }
            }
        }
    }

    /** Declares a job. */
    public static final class Builder {

        private final String name;
        private final List<Input<?>> inputs = new ArrayList<>();
        private final List<Table<?>> tables = new ArrayList<>();
        private final List<StreamOutput<?>> outputs = new ArrayList<>();
        private ConfigSchema keys = ConfigSchema.builder().build();
        private String deadLettersLocalName = "dead_letters";

        private Builder(String name) {
            this.name = Names.check(name);
        }

        public Builder input(Input<?> input) {
            inputs.add(input);
            return this;
        }

        public Builder table(Table<?> table) {
            if (table.name().equals(DEAD_LETTERS)) {
                throw new IllegalArgumentException("Every job has the table " + DEAD_LETTERS + " already");
            }
            tables.add(table);
            return this;
        }

        public Builder output(StreamOutput<?> output) {
            outputs.add(output);
            return this;
        }

        /** The job's own keys, e.g. its window length. */
        public Builder keys(ConfigSchema ownKeys) {
            this.keys = ownKeys;
            return this;
        }

        /** The dead-letter table's directory in the local run; {@code dead_letters} by default. */
        public Builder deadLettersLocallyNamed(String directory) {
            this.deadLettersLocalName = directory;
            return this;
        }

        public JobDefinition build() {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("A job reads at least one input: " + name);
            }
            return new JobDefinition(this);
        }
    }
}
