package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.SensorReading;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaTableReadyTest {

    private static final String KEY = "delta.readings.path";
    private static final Schema READINGS = SensorReading.getClassSchema();

    @TempDir Path directory;

    private static DeltaSinkSettings settings(String tablePath, boolean schemaEvolution) {
        return DeltaSinkSettings.builder(tablePath)
                .partitionColumns(PartitionColumn.dateOf("reading_date", "ts"))
                .schemaEvolution(schemaEvolution)
                .build();
    }

    private String tablePath;

    @BeforeEach
    void tablePathInAFolderNotYetMade() {
        tablePath = directory.resolve("lake").resolve("readings").toUri().toString();
    }

    @Test
    void anAbsentTableIsCreatedEmptySoReadersFindIt() {
        new DeltaTableReady(KEY, settings(tablePath, false), READINGS).run();

        DeltaTableReader reader = new DeltaTableReader(tablePath);
        assertThat(reader.latestVersion()).isZero();
        assertThat(reader.readLatest()).isEmpty();
        assertThat(reader.latestSnapshot().getPartitionColumnNames()).containsExactly("reading_date");
    }

    @Test
    void anExistingTableThatFitsPassesUnchanged() {
        new DeltaTableReady(KEY, settings(tablePath, false), READINGS).run();

        assertThatCode(() -> new DeltaTableReady(KEY, settings(tablePath, false), READINGS).run())
                .doesNotThrowAnyException();
        assertThat(new DeltaTableReader(tablePath).latestVersion()).isZero();
    }

    @Test
    void aRegularFileAtThePathIsRefusedNamingTheKey() throws Exception {
        Path file = Files.writeString(directory.resolve("readings"), "not a table");
        String filePath = file.toUri().toString();

        assertThatThrownBy(() -> new DeltaTableReady(KEY, settings(filePath, false), READINGS).run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'delta.readings.path' = " + filePath + ": that is a regular file, not a"
                                + " directory. Point the key at a directory, or at a path that does not exist yet.");
    }

    @Test
    void aRegularFileWhereAParentDirectoryGoesIsRefusedNamingTheKeyAndTheFile() throws Exception {
        Path file = Files.writeString(directory.resolve("lake"), "not a directory");

        assertThatThrownBy(() -> new DeltaTableReady(KEY, settings(tablePath, false), READINGS).run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'delta.readings.path' = " + tablePath + ": the table's directory"
                                + " cannot be created, as file:" + file + " is a regular file. Remove that file,"
                                + " or point the key elsewhere.");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void anExistingTableOfAnotherSchemaIsRefusedNamingTheColumn() {
        new DeltaTableReady(KEY, settings(tablePath, false), READINGS).run();
        Schema textReadings = withField(READINGS, "reading", SchemaBuilder.builder().stringType());

        assertThatThrownBy(() -> new DeltaTableReady(KEY, settings(tablePath, false), textReadings).run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'delta.readings.path' = " + tablePath + ": the Delta table there does"
                                + " not fit the rows this job writes: column 'reading' is double in the table but"
                                + " string in the records. Point the key at another path, or make the table match.");
    }

    @Test
    void aNewNullableColumnPassesOnlyWithSchemaEvolution() {
        new DeltaTableReady(KEY, settings(tablePath, true), READINGS).run();
        Schema notedReadings = withField(READINGS, "note", SchemaBuilder.builder().nullable().stringType());

        assertThatCode(() -> new DeltaTableReady(KEY, settings(tablePath, true), notedReadings).run())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new DeltaTableReady(KEY, settings(tablePath, false), notedReadings).run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("column 'note' is not in the table (schema evolution is off)");
    }

    /** The record with one field's type replaced, or the field added at the end when it has none of that name. */
    private static Schema withField(Schema record, String name, Schema type) {
        SchemaBuilder.FieldAssembler<Schema> fields =
                SchemaBuilder.record(record.getName()).namespace(record.getNamespace()).fields();
        boolean replaced = false;
        for (Schema.Field field : record.getFields()) {
            boolean match = field.name().equals(name);
            replaced |= match;
            fields = fields.name(field.name()).type(match ? type : field.schema()).noDefault();
        }
        if (!replaced) {
            fields = fields.name(name).type(type).noDefault();
        }
        return fields.endRecord();
    }
}
