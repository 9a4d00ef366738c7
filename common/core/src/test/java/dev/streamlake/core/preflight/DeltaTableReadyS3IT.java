package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.events.SensorReading;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table check on S3 (S3Mock through Flink's S3 file system), where directories are only key prefixes. */
class DeltaTableReadyS3IT {

    private static final String KEY = "delta.readings.path";

    @RegisterExtension static final S3Server S3 = new S3Server();

    private final String id = "preflight-" + UUID.randomUUID();

    private static DeltaTableReady check(String tablePath) {
        return new DeltaTableReady(KEY, DeltaSinkSettings.builder(tablePath).build(), SensorReading.getClassSchema());
    }

    @Test
    void anAbsentTableIsCreatedEmpty() {
        String tablePath = S3.s3Uri(id + "/lake/readings");

        check(tablePath).run();

        assertThat(new DeltaTableReader(tablePath).latestVersion()).isZero();
        assertThat(S3.listObjects(id + "/lake/readings/_delta_log/")).isNotEmpty();
    }

    @Test
    void anObjectWhereAParentDirectoryGoesIsRefusedNamingTheKeyAndTheObject() throws Exception {
        String blocking = S3.s3Uri(id + "/lake");
        writeObject(blocking);
        String tablePath = blocking + "/readings";

        assertThatThrownBy(() -> check(tablePath).run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'delta.readings.path' = " + tablePath + ": the table's directory cannot be"
                                + " created, as " + blocking + " is a regular file. Remove that file, or point the key"
                                + " elsewhere.");
    }

    private static void writeObject(String uri) throws Exception {
        Path path = new Path(uri);
        try (FSDataOutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write("not a directory".getBytes(StandardCharsets.UTF_8));
        }
    }
}
