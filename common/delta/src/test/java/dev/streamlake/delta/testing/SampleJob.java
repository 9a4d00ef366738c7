package dev.streamlake.delta.testing;

import dev.streamlake.delta.DeltaSink;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * The job every sink test runs: ids from a rate-limited, checkpointed generator, an operator that
 * may fail once, and the Delta sink writing each id's sample row, partitioned by UTC date.
 */
public final class SampleJob {

    /** No id fails. */
    public static final long NO_FAILURE = -1;

    private SampleJob() {}

    /** Builds the job on {@code env} and returns it. */
    public static StreamExecutionEnvironment build(
            StreamExecutionEnvironment env,
            String tablePath,
            int parallelism,
            long rows,
            double rowsPerSecond,
            long failAtId) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        env.enableCheckpointing(200);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        DataGeneratorSource<Long> ids =
                new DataGeneratorSource<>(
                        index -> index, rows, RateLimiterStrategy.perSecond(rowsPerSecond), Types.LONG);
        DeltaSinkSettings settings =
                DeltaSinkSettings.builder(tablePath)
                        .partitionColumns(PartitionColumn.dateOf("event_date", "ts"))
                        .checkpointInterval(3)
                        .build();
        env.fromSource(ids, WatermarkStrategy.noWatermarks(), "ids")
                .uid("ids")
                .map(new FailOnce(failAtId))
                .uid("fail-once")
                .sinkTo(DeltaSink.of(new SampleRowsConverter(), settings))
                .uid("delta-sink")
                .name("Delta sink");
        return env;
    }
}
