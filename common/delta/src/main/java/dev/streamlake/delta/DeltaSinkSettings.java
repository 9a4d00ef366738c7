package dev.streamlake.delta;

import org.apache.flink.configuration.MemorySize;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a Delta sink writes where. Built in code, or from configuration keys with {@link
 * #fromMap}; a bad value fails with the key's name.
 */
public final class DeltaSinkSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The table's location, e.g. {@code s3://lake/sensor_window_stats} or {@code file:///data/t}. */
    public static final String TABLE_PATH = "table-path";
    /** Comma-separated partition columns: {@code site} or {@code event_date=date(ts)}. */
    public static final String PARTITION_COLUMNS = "partition-columns";
    /** A data file is closed once it reaches this size, e.g. {@code 128mb}. */
    public static final String TARGET_FILE_SIZE = "target-file-size";
    /** At most this many files open per writer; the least recently used is closed first. */
    public static final String MAX_OPEN_FILES = "max-open-files";
    /** A Delta log checkpoint every this many table versions. */
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
    /** Whether new nullable record columns are added to the table. */
    public static final String SCHEMA_EVOLUTION = "schema-evolution";
    /** The prefix of the transaction application id; names the job in the table's log. */
    public static final String APPLICATION_ID = "application-id";
    /** Parquet compression: snappy, zstd, gzip or uncompressed. */
    public static final String COMPRESSION = "compression";

    private static final List<String> COMPRESSIONS =
            Arrays.asList("snappy", "zstd", "gzip", "uncompressed");

    private final String tablePath;
    private final List<PartitionColumn> partitionColumns;
    private final long targetFileSizeBytes;
    private final int maxOpenFiles;
    private final int checkpointInterval;
    private final boolean schemaEvolution;
    private final String applicationId;
    private final String compression;

    private DeltaSinkSettings(Builder builder) {
        this.tablePath = builder.tablePath;
        this.partitionColumns = Collections.unmodifiableList(new ArrayList<>(builder.partitionColumns));
        this.targetFileSizeBytes = builder.targetFileSizeBytes;
        this.maxOpenFiles = builder.maxOpenFiles;
        this.checkpointInterval = builder.checkpointInterval;
        this.schemaEvolution = builder.schemaEvolution;
        this.applicationId = builder.applicationId;
        this.compression = builder.compression;
    }

    public static Builder builder(String tablePath) {
        return new Builder(tablePath);
    }

    /** Reads the keys of this class; only {@link #TABLE_PATH} is required. */
    public static DeltaSinkSettings fromMap(Map<String, String> values) {
        String tablePath = values.get(TABLE_PATH);
        if (tablePath == null || tablePath.isBlank()) {
            throw new IllegalArgumentException("'" + TABLE_PATH + "' is required: where the Delta table is");
        }
        Builder builder = builder(tablePath);
        String partitions = values.get(PARTITION_COLUMNS);
        if (partitions != null && !partitions.isBlank()) {
            builder.partitionColumns(
                    Arrays.stream(partitions.split(","))
                            .map(spec -> parse(PARTITION_COLUMNS, spec, PartitionColumn::parse))
                            .toArray(PartitionColumn[]::new));
        }
        String size = values.get(TARGET_FILE_SIZE);
        if (size != null) {
            builder.targetFileSizeBytes(parse(TARGET_FILE_SIZE, size, s -> MemorySize.parse(s).getBytes()));
        }
        String maxOpen = values.get(MAX_OPEN_FILES);
        if (maxOpen != null) {
            builder.maxOpenFiles(parse(MAX_OPEN_FILES, maxOpen, Integer::parseInt));
        }
        String interval = values.get(CHECKPOINT_INTERVAL);
        if (interval != null) {
            builder.checkpointInterval(parse(CHECKPOINT_INTERVAL, interval, Integer::parseInt));
        }
        String evolution = values.get(SCHEMA_EVOLUTION);
        if (evolution != null) {
            builder.schemaEvolution(parse(SCHEMA_EVOLUTION, evolution, DeltaSinkSettings::parseBoolean));
        }
        String applicationId = values.get(APPLICATION_ID);
        if (applicationId != null) {
            builder.applicationId(applicationId);
        }
        String compression = values.get(COMPRESSION);
        if (compression != null) {
            builder.compression(compression);
        }
        return builder.build();
    }

    private static <T> T parse(String key, String text, Function<String, T> parser) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + key + "' has an invalid value '" + text + "': " + e.getMessage(), e);
        }
    }

    private static boolean parseBoolean(String text) {
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.parseBoolean(text);
    }

    public String tablePath() {
        return tablePath;
    }

    public List<PartitionColumn> partitionColumns() {
        return partitionColumns;
    }

    public long targetFileSizeBytes() {
        return targetFileSizeBytes;
    }

    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    public int checkpointInterval() {
        return checkpointInterval;
    }

    public boolean schemaEvolution() {
        return schemaEvolution;
    }

    public String applicationId() {
        return applicationId;
    }

    public CompressionCodecName compression() {
        return CompressionCodecName.valueOf(compression.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "DeltaSinkSettings{"
                + TABLE_PATH + "=" + tablePath + ", "
                + PARTITION_COLUMNS + "=" + partitionColumns + ", "
                + TARGET_FILE_SIZE + "=" + targetFileSizeBytes + ", "
                + MAX_OPEN_FILES + "=" + maxOpenFiles + ", "
                + CHECKPOINT_INTERVAL + "=" + checkpointInterval + ", "
                + SCHEMA_EVOLUTION + "=" + schemaEvolution + ", "
                + APPLICATION_ID + "=" + applicationId + ", "
                + COMPRESSION + "=" + compression + "}";
    }

    /** Settings in code; every value is checked when set. */
    public static final class Builder {
        private final String tablePath;
        private List<PartitionColumn> partitionColumns = Collections.emptyList();
        private long targetFileSizeBytes = 128L * 1024 * 1024;
        private int maxOpenFiles = 16;
        private int checkpointInterval = 10;
        private boolean schemaEvolution;
        private String applicationId = "streamlake";
        private String compression = "snappy";

        private Builder(String tablePath) {
            this.tablePath = stripTrailingSlashes(Objects.requireNonNull(tablePath, TABLE_PATH));
        }

        private static String stripTrailingSlashes(String path) {
            String stripped = path.trim();
            while (stripped.endsWith("/") && !stripped.endsWith("//")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            return stripped;
        }

        public Builder partitionColumns(PartitionColumn... columns) {
            this.partitionColumns = Arrays.asList(columns);
            return this;
        }

        public Builder targetFileSizeBytes(long bytes) {
            require(bytes >= 1024 * 1024, TARGET_FILE_SIZE, "must be at least 1 MiB, got " + bytes + " bytes");
            this.targetFileSizeBytes = bytes;
            return this;
        }

        public Builder maxOpenFiles(int files) {
            require(files >= 1, MAX_OPEN_FILES, "must be at least 1, got " + files);
            this.maxOpenFiles = files;
            return this;
        }

        public Builder checkpointInterval(int commits) {
            require(commits >= 1, CHECKPOINT_INTERVAL, "must be at least 1, got " + commits);
            this.checkpointInterval = commits;
            return this;
        }

        public Builder schemaEvolution(boolean enabled) {
            this.schemaEvolution = enabled;
            return this;
        }

        public Builder applicationId(String id) {
            require(
                    id != null && id.matches("[A-Za-z0-9._-]+"),
                    APPLICATION_ID,
                    "must be letters, digits, '.', '_' or '-', got '" + id + "'");
            this.applicationId = id;
            return this;
        }

        public Builder compression(String codec) {
            String normalised = codec.trim().toLowerCase(Locale.ROOT);
            require(
                    COMPRESSIONS.contains(normalised),
                    COMPRESSION,
                    "must be one of " + COMPRESSIONS + ", got '" + codec + "'");
            this.compression = normalised;
            return this;
        }

        public DeltaSinkSettings build() {
            require(!tablePath.isEmpty(), TABLE_PATH, "must not be empty");
            return new DeltaSinkSettings(this);
        }

        private static void require(boolean condition, String key, String message) {
            if (!condition) {
                throw new IllegalArgumentException("'" + key + "' " + message);
            }
        }
    }
}
