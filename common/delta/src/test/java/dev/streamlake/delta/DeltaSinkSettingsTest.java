package dev.streamlake.delta;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaSinkSettingsTest {

    private static Map<String, String> keys(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyKeyIsRead() {
        DeltaSinkSettings settings =
                DeltaSinkSettings.fromMap(
                        keys(
                                DeltaSinkSettings.TABLE_PATH, "s3://lake/stats/",
                                DeltaSinkSettings.PARTITION_COLUMNS, "window_date=date(window_start), site",
                                DeltaSinkSettings.TARGET_FILE_SIZE, "64 mb",
                                DeltaSinkSettings.MAX_OPEN_FILES, "4",
                                DeltaSinkSettings.CHECKPOINT_INTERVAL, "20",
                                DeltaSinkSettings.SCHEMA_EVOLUTION, "TRUE",
                                DeltaSinkSettings.APPLICATION_ID, "sensor-stats",
                                DeltaSinkSettings.COMPRESSION, "zstd"));

        assertThat(settings.tablePath()).isEqualTo("s3://lake/stats");
        assertThat(settings.partitionColumns()).extracting(PartitionColumn::name).containsExactly("window_date", "site");
        assertThat(settings.targetFileSizeBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.maxOpenFiles()).isEqualTo(4);
        assertThat(settings.checkpointInterval()).isEqualTo(20);
        assertThat(settings.schemaEvolution()).isTrue();
        assertThat(settings.applicationId()).isEqualTo("sensor-stats");
        assertThat(settings.compression()).isEqualTo(CompressionCodecName.ZSTD);
    }

    @Test
    void defaultsServeATablePathAlone() {
        DeltaSinkSettings settings = DeltaSinkSettings.fromMap(keys(DeltaSinkSettings.TABLE_PATH, "/data/t"));

        assertThat(settings.partitionColumns()).isEmpty();
        assertThat(settings.targetFileSizeBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(settings.checkpointInterval()).isEqualTo(10);
        assertThat(settings.schemaEvolution()).isFalse();
        assertThat(settings.compression()).isEqualTo(CompressionCodecName.SNAPPY);
    }

    @Test
    void aMissingTablePathIsNamed() {
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys()))
                .hasMessageContaining("'table-path' is required");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "target-file-size", "big")))
                .hasMessageContaining("'target-file-size' has an invalid value 'big'");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "target-file-size", "1kb")))
                .hasMessageContaining("'target-file-size' must be at least 1 MiB");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "checkpoint-interval", "0")))
                .hasMessageContaining("'checkpoint-interval' must be at least 1");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "schema-evolution", "yes")))
                .hasMessageContaining("'schema-evolution' has an invalid value 'yes'");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "compression", "lz4")))
                .hasMessageContaining("'compression' must be one of [snappy, zstd, gzip, uncompressed]");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "partition-columns", "a-b")))
                .hasMessageContaining("'partition-columns' has an invalid value 'a-b'");
        assertThatThrownBy(() -> DeltaSinkSettings.fromMap(keys("table-path", "/t", "application-id", "a b")))
                .hasMessageContaining("'application-id' must be letters");
    }
}
