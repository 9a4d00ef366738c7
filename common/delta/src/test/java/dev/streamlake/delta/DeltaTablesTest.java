package dev.streamlake.delta;

import dev.streamlake.delta.schema.SchemaMismatchException;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import io.delta.kernel.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaTablesTest {

    @TempDir Path directory;

    private DeltaSinkSettings settings() {
        return DeltaSinkSettings.builder(directory.resolve("readings").toUri().toString())
                .partitionColumns(PartitionColumn.dateOf("reading_date", "ts"))
                .build();
    }

    @Test
    void anAvroRecordTableIsCreatedEmptyWithTheColumnsTheSinkWrites() throws Exception {
        DeltaTables.createIfAbsent(settings(), SensorReading.getClassSchema());

        DeltaTableReader reader = new DeltaTableReader(settings().tablePath());
        assertThat(reader.latestVersion()).isZero();
        assertThat(reader.readLatest()).isEmpty();
        assertThat(reader.latestSnapshot().getSchema().fields().stream().map(StructField::getName).collect(Collectors.toList()))
                .containsExactly("sensor_id", "ts", "reading", "unit", "site", "reading_date");
        assertThat(reader.latestSnapshot().getPartitionColumnNames()).containsExactly("reading_date");
    }

    @Test
    void recordsOfAnotherSchemaAreRefusedNamingEachColumn() throws Exception {
        DeltaTables.createIfAbsent(settings(), SensorReading.getClassSchema());
        DeltaSinkSettings statsOnTheSamePath =
                DeltaSinkSettings.builder(settings().tablePath())
                        .partitionColumns(PartitionColumn.dateOf("reading_date", "window_start"))
                        .build();

        assertThatThrownBy(() -> DeltaTables.createIfAbsent(statsOnTheSamePath, SensorWindowStats.getClassSchema()))
                .isInstanceOfSatisfying(
                        SchemaMismatchException.class,
                        e -> assertThat(e.differences())
                                .contains(
                                        "column 'reading' is in the table but not in the records",
                                        "column 'window_start' is not in the table and NOT NULL; only nullable columns can be added"));
        assertThat(new DeltaTableReader(settings().tablePath()).latestVersion()).isZero();
    }
}
