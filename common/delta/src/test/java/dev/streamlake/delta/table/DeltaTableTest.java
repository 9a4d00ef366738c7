package dev.streamlake.delta.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.schema.SchemaMismatchException;
import dev.streamlake.delta.testing.DataFiles;
import dev.streamlake.delta.testing.DeltaLog;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleRows;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path directory;

    private DeltaSinkSettings plain;
    private TableLayout plainLayout;

    @BeforeEach
    void unpartitioned() {
        plain = settings();
        plainLayout = new TableLayout(SampleRows.TYPE, plain.partitionColumns());
    }

    /** Data files of the unpartitioned sample table with rows from..to-1. */
    private List<DataFile> files(long from, long to) throws Exception {
        return DataFiles.write(plainLayout, plain, rows(from, to));
    }

    private DeltaSinkSettings settings(PartitionColumn... partitions) {
        return DeltaSinkSettings.builder(directory.toUri().toString()).partitionColumns(partitions).build();
    }

    private static List<RowData> rows(long from, long to) {
        return SampleRows.ids(from, to).stream().map(SampleRows::row).collect(Collectors.toList());
    }

    private DeltaTable table(TableLayout layout, boolean evolution, int checkpointInterval) {
        return new DeltaTable(directory.toUri().toString(), layout, evolution, checkpointInterval);
    }

    @Test
    void firstCommitCreatesTheTableAndEveryRowReadsBack() throws Exception {
        DeltaSinkSettings settings = settings(PartitionColumn.dateOf("event_date", "ts"));
        TableLayout layout = new TableLayout(SampleRows.TYPE, settings.partitionColumns());
        List<DataFile> files = DataFiles.write(layout, settings, rows(0, 30));

        OptionalLong version = table(layout, false, 10).commit("app-1", 5, -1, files);

        assertThat(version).hasValue(0);
        List<Map<String, Object>> read = new DeltaTableReader(directory.toString()).readLatest();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (long id = 0; id < 30; id++) {
            Map<String, Object> row = SampleRows.expected(id);
            row.put("event_date", SampleRows.eventDate(id));
            expected.add(row);
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aVersionTheTableHasIsNotCommittedAgain() throws Exception {
        DeltaTable table = table(plainLayout, false, 10);
        table.commit("app-1", 3, -1, files(0, 5));

        OptionalLong replay = table.commit("app-1", 3, -1, files(0, 5));
        OptionalLong older = table.commit("app-1", 2, -1, files(0, 5));

        assertThat(replay).isEmpty();
        assertThat(older).isEmpty();
        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.latestVersion()).isZero();
        assertThat(reader.readLatest()).hasSize(5);
        assertThat(reader.transactionVersion("app-1")).hasValue(3L);
    }

    @Test
    void anotherApplicationCommitsIndependently() throws Exception {
        DeltaTable table = table(plainLayout, false, 10);
        table.commit("app-1", 3, -1, files(0, 5));

        OptionalLong other = table.commit("app-2", 1, -1, files(5, 10));

        assertThat(other).hasValue(1);
        assertThat(new DeltaTableReader(directory.toString()).readLatest()).hasSize(10);
    }

    @Test
    void aCommitAfterALostOneIsRefused() throws Exception {
        DeltaTable table = table(plainLayout, false, 10);
        table.commit("app-1", 3, -1, files(0, 5));
        List<DataFile> files = files(5, 10);

        assertThatThrownBy(() -> table.commit("app-1", 7, 5, files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks commit 5 of app-1");
        assertThat(new DeltaTableReader(directory.toString()).latestVersion()).isZero();
    }

    @Test
    void addActionsCarryStatisticsPartitionValuesAndTheTransaction() throws Exception {
        DeltaSinkSettings settings = settings(PartitionColumn.dateOf("event_date", "ts"), PartitionColumn.of("site"));
        TableLayout layout = new TableLayout(SampleRows.TYPE, settings.partitionColumns());
        table(layout, false, 10).commit("app-1", 9, -1, DataFiles.write(layout, settings, rows(0, 12)));

        DeltaLog log = new DeltaLog(directory);
        List<JsonNode> adds = log.actions(0, "add");
        assertThat(adds).hasSize(3);
        for (JsonNode add : adds) {
            JsonNode partition = add.get("partitionValues");
            JsonNode stats = JSON.readTree(add.get("stats").asText());
            assertThat(stats.get("numRecords").asLong()).isEqualTo(4);
            // Rows of one date partition: ids with the same id % 3, which also fixes the site.
            long firstId = LocalDate.parse(partition.get("event_date").asText()).getDayOfMonth() - 1;
            assertThat(partition.get("site").asText()).isEqualTo(SampleRows.expected(firstId).get("site"));
            assertThat(stats.at("/minValues/id").asLong()).isEqualTo(firstId);
            assertThat(stats.at("/maxValues/id").asLong()).isEqualTo(firstId + 9);
            long nullLocations = SampleRows.ids(0, 12).stream().filter(id -> id % 3 == firstId && id % 4 == 0).count();
            assertThat(stats.at("/nullCount/location/lat").asLong()).isEqualTo(nullLocations);
            assertThat(stats.has("site") || stats.at("/minValues").has("site")).isFalse();
            assertThat(add.get("path").asText()).startsWith("event_date=" + partition.get("event_date").asText() + "/site=");
        }
        JsonNode txn = log.actions(0, "txn").get(0);
        assertThat(txn.get("appId").asText()).isEqualTo("app-1");
        assertThat(txn.get("version").asLong()).isEqualTo(9);
    }

    @Test
    void aPlainTableUsesTheLowestProtocol() throws Exception {
        table(plainLayout, false, 10).commit("app-1", 1, -1, files(0, 3));

        JsonNode protocol = new DeltaLog(directory).actions(0, "protocol").get(0);

        assertThat(protocol.get("minReaderVersion").asInt()).isEqualTo(1);
        assertThat(protocol.get("minWriterVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aTableThatMayEvolveMapsColumnsByTheirNames() throws Exception {
        table(plainLayout, true, 10).commit("app-1", 1, -1, files(0, 3));

        DeltaLog log = new DeltaLog(directory);
        JsonNode protocol = log.actions(0, "protocol").get(0);
        JsonNode metadata = log.actions(0, "metaData").get(0);
        JsonNode schema = JSON.readTree(metadata.get("schemaString").asText());

        assertThat(protocol.get("minReaderVersion").asInt()).isEqualTo(2);
        // Kernel names the writer features (version 7); readers need only version 2.
        assertThat(protocol.get("writerFeatures").toString()).contains("\"columnMapping\"");
        assertThat(metadata.at("/configuration/delta.columnMapping.mode").asText()).isEqualTo("name");
        for (JsonNode field : schema.get("fields")) {
            assertThat(field.at("/metadata/delta.columnMapping.physicalName").asText())
                    .isEqualTo(field.get("name").asText());
        }
        assertThat(new DeltaTableReader(directory.toString()).readLatest()).hasSize(3);
    }

    @Test
    void theLogIsCheckpointedEveryIntervalOfVersions() throws Exception {
        DeltaTable table = table(plainLayout, false, 2);
        long previous = -1;
        for (long version = 1; version <= 5; version++) {
            table.commit("app-1", version, previous, files(version * 10, version * 10 + 2));
            previous = version;
        }

        List<String> logFiles = new DeltaLog(directory).files();

        assertThat(logFiles)
                .contains(
                        "00000000000000000002.checkpoint.parquet",
                        "00000000000000000004.checkpoint.parquet",
                        "_last_checkpoint")
                .doesNotContain("00000000000000000003.checkpoint.parquet");
        assertThat(new DeltaTableReader(directory.toString()).readLatest()).hasSize(10);
    }

    /**
     * Versions 0..4 with a checkpoint at 3 ({@code _last_checkpoint} names it), then the first 4
     * bytes of a checkpoint at 4, as a checkpoint write cancelled after Parquet's leading magic
     * leaves it: completed, but no Parquet file.
     */
    private Path tableWithTornCheckpointAfterTheLastOne() throws Exception {
        DeltaTable table = table(plainLayout, false, 3);
        long previous = -1;
        for (long version = 1; version <= 5; version++) {
            table.commit("app-1", version, previous, files(version * 10, version * 10 + 2));
            previous = version;
        }
        Path logDirectory = directory.resolve("_delta_log");
        assertThat(Files.readString(logDirectory.resolve("_last_checkpoint"))).contains("\"version\":3");
        Path torn = logDirectory.resolve("00000000000000000004.checkpoint.parquet");
        Files.write(torn, "PAR1".getBytes(StandardCharsets.US_ASCII));
        return torn;
    }

    @Test
    void aTornCheckpointIsDeletedBeforeTheNextCommitWhichReadsTheRestOfTheLog() throws Exception {
        Path torn = tableWithTornCheckpointAfterTheLastOne();
        assertThatThrownBy(() -> new DeltaTableReader(directory.toString()).readLatest())
                .as("readers fail on the torn checkpoint")
                .hasStackTraceContaining("is not a Parquet file");

        // A committer that starts again: a new table object, as after a restart.
        OptionalLong committed = table(plainLayout, false, 3).commit("app-1", 6, 5, files(60, 62));

        assertThat(committed).hasValue(5);
        assertThat(new DeltaLog(directory).files())
                .doesNotContain(torn.getFileName().toString())
                .contains("00000000000000000003.checkpoint.parquet", "_last_checkpoint");
        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.transactionVersion("app-1")).hasValue(6L);
        assertThat(reader.readLatest())
                .extracting(row -> row.get("id"))
                .containsExactlyInAnyOrder(10L, 11L, 20L, 21L, 30L, 31L, 40L, 41L, 50L, 51L, 60L, 61L);
    }

    @Test
    void aTornCheckpointIsDeletedWhenTheSinkOpensTheTable() throws Exception {
        Path torn = tableWithTornCheckpointAfterTheLastOne();

        table(plainLayout, false, 3).createIfAbsent();

        assertThat(torn).doesNotExist();
        assertThat(new DeltaTableReader(directory.toString()).readLatest()).hasSize(10);
    }

    @Test
    void aTornCheckpointThatLastCheckpointNamesIsDeletedWithIt() throws Exception {
        tableWithTornCheckpointAfterTheLastOne();
        Path logDirectory = directory.resolve("_delta_log");
        Path named = logDirectory.resolve("00000000000000000003.checkpoint.parquet");
        Files.write(named, new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 0, 0, 0, 0, 'P', 'A'});

        table(plainLayout, false, 3).createIfAbsent();

        assertThat(new DeltaLog(directory).files())
                .doesNotContain(
                        "00000000000000000003.checkpoint.parquet",
                        "00000000000000000004.checkpoint.parquet",
                        "_last_checkpoint");
        assertThat(new DeltaTableReader(directory.toString()).readLatest()).hasSize(10);
    }

    @Test
    void completeCheckpointsAreKept() throws Exception {
        DeltaTable table = table(plainLayout, false, 2);
        long previous = -1;
        for (long version = 1; version <= 5; version++) {
            table.commit("app-1", version, previous, files(version * 10, version * 10 + 2));
            previous = version;
        }
        List<String> before = new DeltaLog(directory).files();

        table(plainLayout, false, 2).createIfAbsent();

        assertThat(new DeltaLog(directory).files()).isEqualTo(before);
    }

    @Test
    void recordsOfAnotherSchemaAreRefusedNamingTheDifferences() throws Exception {
        table(plainLayout, false, 10).commit("app-1", 1, -1, files(0, 3));
        RowType other =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("id", DataTypes.STRING().notNull()),
                                        DataTypes.FIELD("site", DataTypes.STRING().notNull()))
                                .notNull()
                                .getLogicalType();

        DeltaTable mismatched = table(new TableLayout(other, plain.partitionColumns()), false, 10);

        assertThatThrownBy(mismatched::createIfAbsent)
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column 'id' is long in the table but string in the records")
                .hasMessageContaining("column 'reading' is in the table but not in the records");
    }

    @Test
    void aNewNullableColumnIsAddedWhenSchemaEvolutionIsOn() throws Exception {
        table(plainLayout, true, 10).commit("app-1", 1, -1, files(0, 3));
        TableLayout widenedLayout = new TableLayout(withNote(SampleRows.TYPE), plain.partitionColumns());
        GenericRowData noted = (GenericRowData) copyWithNote(SampleRows.row(3), "late");

        table(widenedLayout, true, 10).commit("app-1", 2, 1, DataFiles.write(widenedLayout, plain, List.of(noted)));

        List<Map<String, Object>> read = new DeltaTableReader(directory.toString()).readLatest();
        assertThat(read).hasSize(4);
        assertThat(read).filteredOn(row -> row.get("id").equals(3L)).extracting(row -> row.get("note")).containsExactly("late");
        assertThat(read).filteredOn(row -> !row.get("id").equals(3L)).extracting(row -> row.get("note")).containsOnlyNulls();
    }

    @Test
    void aNewColumnIsRefusedWhenSchemaEvolutionIsOff() throws Exception {
        table(plainLayout, false, 10).commit("app-1", 1, -1, files(0, 3));

        DeltaTable widened = table(new TableLayout(withNote(SampleRows.TYPE), plain.partitionColumns()), false, 10);

        assertThatThrownBy(widened::createIfAbsent)
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column 'note' is not in the table (schema evolution is off)");
    }

    @Test
    void anAbsentTableIsCreatedEmptyWithTheSchemaPartitionsAndProtocolOfTheSink() throws Exception {
        DeltaSinkSettings settings = settings(PartitionColumn.dateOf("event_date", "ts"));
        TableLayout layout = new TableLayout(SampleRows.TYPE, settings.partitionColumns());

        table(layout, false, 10).createIfAbsent();

        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.latestVersion()).isZero();
        assertThat(reader.readLatest()).isEmpty();
        DeltaLog log = new DeltaLog(directory);
        JsonNode metadata = log.actions(0, "metaData").get(0);
        assertThat(metadata.get("partitionColumns").toString()).isEqualTo("[\"event_date\"]");
        assertThat(JSON.readTree(metadata.get("schemaString").asText()).get("fields"))
                .extracting(field -> field.get("name").asText())
                .containsExactlyElementsOf(withEventDate(SampleRows.TYPE.getFieldNames()));
        JsonNode protocol = log.actions(0, "protocol").get(0);
        assertThat(protocol.get("minReaderVersion").asInt()).isEqualTo(1);
        assertThat(protocol.get("minWriterVersion").asInt()).isEqualTo(2);
        assertThat(log.actions(0, "add")).isEmpty();
    }

    @Test
    void aTableCreatedEmptyTakesTheFirstCommitOfAnApplication() throws Exception {
        DeltaTable table = table(plainLayout, false, 10);
        table.createIfAbsent();

        OptionalLong first = table.commit("app-1", 1, -1, files(0, 5));
        OptionalLong replay = table.commit("app-1", 1, -1, files(0, 5));

        assertThat(first).hasValue(1);
        assertThat(replay).isEmpty();
        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.readLatest()).hasSize(5);
        assertThat(reader.transactionVersion("app-1")).hasValue(1L);
    }

    @Test
    void anExistingTableIsLeftAsItIs() throws Exception {
        DeltaTable table = table(plainLayout, false, 10);
        table.commit("app-1", 1, -1, files(0, 5));

        table.createIfAbsent();

        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.latestVersion()).isZero();
        assertThat(reader.readLatest()).hasSize(5);
    }

    @Test
    void aRegularFileAtTheTablePathIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(directory.resolve("stats"), "not a table");
        String tablePath = file.toUri().toString();
        DeltaTable table = new DeltaTable(tablePath, plainLayout, false, 10);

        assertThatThrownBy(table::createIfAbsent)
                .isInstanceOfSatisfying(
                        TablePathBlockedException.class,
                        e -> assertThat(e.isTablePathAFile()).isTrue())
                .hasMessage("the Delta table path " + tablePath + " is a regular file, not a directory");
    }

    @Test
    void aRegularFileAboveTheTablePathIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(directory.resolve("lake"), "not a directory");
        String tablePath = file.toUri() + "/tables/stats";
        DeltaTable table = new DeltaTable(tablePath, plainLayout, false, 10);

        assertThatThrownBy(table::createIfAbsent)
                .isInstanceOfSatisfying(
                        TablePathBlockedException.class,
                        e -> {
                            assertThat(e.isTablePathAFile()).isFalse();
                            assertThat(e.blockingFile()).isEqualTo("file:" + file);
                        })
                .hasMessage(
                        "the Delta table path " + tablePath + " cannot be created: file:" + file
                                + " is a regular file, not a directory");
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    private static List<String> withEventDate(List<String> columns) {
        List<String> all = new ArrayList<>(columns);
        all.add("event_date");
        return all;
    }

    private static RowType withNote(RowType type) {
        List<RowType.RowField> fields = new ArrayList<>(type.getFields());
        fields.add(new RowType.RowField("note", DataTypes.STRING().getLogicalType()));
        return new RowType(false, fields);
    }

    private static RowData copyWithNote(RowData row, String note) {
        GenericRowData source = (GenericRowData) row;
        GenericRowData copy = new GenericRowData(source.getArity() + 1);
        for (int i = 0; i < source.getArity(); i++) {
            copy.setField(i, source.getField(i));
        }
        copy.setField(source.getArity(), StringData.fromString(note));
        return copy;
    }
}
