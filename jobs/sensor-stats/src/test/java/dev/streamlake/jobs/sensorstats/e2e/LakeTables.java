package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.Table;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.s3.S3Server;

import io.delta.kernel.exceptions.TableNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The job's three Delta tables in the S3 test bed, read back with Delta Kernel as any reader would. */
final class LakeTables {

    private final String stats;
    private final String deadLetters;
    private final String tooLate;

    private LakeTables(String stats, String deadLetters, String tooLate) {
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.tooLate = tooLate;
    }

    /** Tables under their own prefix of the test bucket. */
    static LakeTables in(S3Server s3, String prefix) {
        return new LakeTables(
                s3.s3Uri(prefix + "/sensor_window_stats"),
                s3.s3Uri(prefix + "/sensor_dead_letters"),
                s3.s3Uri(prefix + "/sensor_too_late_readings"));
    }

    /** The job's settings from the given keys, writing to these tables. */
    JobConfig jobSettings(Map<String, String> keys) {
        Map<String, String> values = new HashMap<>(keys);
        values.put(pathKey(SensorStatsJob.STATS), stats);
        values.put(pathKey(SensorStatsJob.DEFINITION.deadLetters()), deadLetters);
        values.put(pathKey(SensorStatsJob.TOO_LATE_TABLE), tooLate);
        return SensorStatsWiring.config(values);
    }

    private static String pathKey(Table<?> table) {
        return SensorStatsJob.DEFINITION.pathKey(table).name();
    }

    List<WindowEmission> windowEmissions() {
        return rows(stats).stream().map(WindowEmission::fromRow).collect(Collectors.toList());
    }

    List<DeadLetterRow> deadLetters() {
        return rows(deadLetters).stream().map(DeadLetterRow::new).collect(Collectors.toList());
    }

    List<Reading> tooLateReadings() {
        return rows(tooLate).stream().map(Reading::fromRow).collect(Collectors.toList());
    }

    /** The latest version's rows; none before the job's first commit creates the table. */
    private static List<Map<String, Object>> rows(String table) {
        try {
            return new DeltaTableReader(table).readLatest();
        } catch (TableNotFoundException e) {
            return List.of();
        }
    }
}
