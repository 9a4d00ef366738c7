package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerializersTest {

    private static DataFile file(String name, String statistics) {
        Map<String, String> partition = new LinkedHashMap<>();
        partition.put("event_date", "2024-01-01");
        partition.put("site", null);
        return new DataFile("s3://lake/t/" + name, partition, 1234, 1_700_000_000_000L, 99, statistics);
    }

    @Test
    void dataFilesSurviveTheirSerializer() throws Exception {
        DataFileSerializer serializer = new DataFileSerializer();
        DataFile file = file("a.parquet", "{\"numRecords\":99}");

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(file))).isEqualTo(file);
    }

    @Test
    void statisticsBeyondSixtyFourKilobytesSurvive() throws Exception {
        DataFileSerializer serializer = new DataFileSerializer();
        DataFile file = file("wide.parquet", "{\"minValues\":\"" + "x".repeat(100_000) + "\"}");

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(file))).isEqualTo(file);
    }

    @Test
    void commitBundlesSurviveTheirSerializer() throws Exception {
        CommitBundleSerializer serializer = new CommitBundleSerializer();
        CommitBundle bundle =
                new CommitBundle("app-1", 42, 40, Arrays.asList(file("a.parquet", "{}"), file("b.parquet", "{}")));
        CommitBundle empty = new CommitBundle("app-1", 1, CommitBundle.NO_PREVIOUS_VERSION, Collections.emptyList());

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(bundle))).isEqualTo(bundle);
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(empty))).isEqualTo(empty);
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThatThrownBy(() -> new CommitBundleSerializer().deserialize(99, new byte[0]))
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> new DataFileSerializer().deserialize(99, new byte[0]))
                .hasMessageContaining("version 99");
    }
}
