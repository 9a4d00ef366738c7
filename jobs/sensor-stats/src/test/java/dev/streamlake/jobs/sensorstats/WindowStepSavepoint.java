package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A savepoint of the window step's keyed state, committed under src/test/resources so that a
 * change of its layout or state names that breaks today's savepoints fails a test. {@link
 * WindowStepSavepointWriter} made it from these readings; {@link WindowStepSavepointTest} restores
 * it.
 */
final class WindowStepSavepoint {

    static final long MINUTE = 60_000;
    static final WindowSpec WINDOWS = WindowSpec.tumbling(Duration.ofMinutes(1), Duration.ofSeconds(30));

    /** A site whose name UTF-8 cannot carry (a lone surrogate), so the other text encoding is in the savepoint too. */
    static final String LONE_SURROGATE_SITE = "site-\uD800";

    /** Read before the watermark reaches the end of the first minute: both windows fire. */
    static final SensorReading[] BEFORE_FIRST_MINUTE_FIRES = {
        reading("s1", 10_000, 4.0, "site-1"),
        reading("s1", 20_000, 6.0, "site-1"),
        reading("s1", 20_000, 7.5, "site-1"),
        reading("s2", 30_000, 1.0, "site-ü")
    };

    /** Read after it: windows of the second minute, not fired at the savepoint. */
    static final SensorReading[] AFTER_FIRST_MINUTE_FIRED = {
        reading("s1", 70_000, 2.0, "site-1"), reading("s3", 75_000, 3.0, LONE_SURROGATE_SITE)
    };

    private WindowStepSavepoint() {}

    /** The file of the savepoint taken with this state layout, named so a new layout gets a file of its own. */
    static Path file(int layout) {
        return Path.of("src/test/resources/savepoints/sensor-window-step-flink-1.20-layout-" + layout);
    }

    static OperatorSubtaskState read(int layout) throws Exception {
        return OperatorSnapshotUtil.readStateHandle(file(layout).toString());
    }

    private static SensorReading reading(String sensor, long ts, double value, String site) {
        return new SensorReading(sensor, Instant.ofEpochMilli(ts), value, "°C", site);
    }
}
