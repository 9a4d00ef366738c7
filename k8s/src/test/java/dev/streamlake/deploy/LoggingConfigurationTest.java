package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The logging of the local run (conf/log4j2-local.properties) and of the images
 * (conf/log4j-console.properties) drops the warnings no user can act on, and only those.
 */
class LoggingConfigurationTest {

    private static final String METRIC_GROUP = "org.apache.flink.metrics.MetricGroup";
    private static final String NAME_COLLISION =
            "Name collision: Group already contains a Metric with the name '{}'. Metric will not be reported.{}";

    @TempDir
    Path logDirectory;

    @ParameterizedTest
    @ValueSource(strings = {"conf/log4j2-local.properties", "conf/log4j-console.properties"})
    void dropsTheCommittersNameCollisionOfEachCheckpointAndNoOtherCollision(String file) {
        Configuration configuration = read(file);

        assertThat(decision(configuration, collision("pendingCommittables"))).isEqualTo(Filter.Result.DENY);
        assertThat(decision(configuration, collision("numRecordsIn"))).isNotEqualTo(Filter.Result.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf/log4j2-local.properties", "conf/log4j-console.properties"})
    void dropsTheTruncationOfLongOperatorChainNamesInMetrics(String file) {
        Configuration configuration = read(file);
        LogEvent truncated = event(METRIC_GROUP, new ParameterizedMessage(
                "The operator name {} exceeded the {} characters length limit and was truncated.",
                "Source: Generator source: readings -> Split dead letters: readings -> Delta table: dead-letters: Writer",
                80));

        assertThat(decision(configuration, truncated)).isEqualTo(Filter.Result.DENY);
        assertThat(decision(configuration, collision("pendingCommittables"))).isEqualTo(Filter.Result.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf/log4j2-local.properties", "conf/log4j-console.properties"})
    void quietensOnlyTheLoggersOfWarningsNoUserCanActOn(String file) {
        Configuration configuration = read(file);

        assertThat(level(configuration, "org.apache.flink.runtime.util.HadoopUtils")).isEqualTo(Level.ERROR);
        assertThat(level(configuration, "org.apache.hadoop.util.NativeCodeLoader")).isEqualTo(Level.ERROR);
        assertThat(level(configuration, "org.apache.flink.runtime.security.token.DefaultDelegationTokenManager"))
                .isEqualTo(Level.ERROR);
        // The job's own warnings and Flink's others stay.
        assertThat(logsWarnings(configuration, "dev.streamlake.jobs.Anything")).isTrue();
        assertThat(logsWarnings(configuration, "org.apache.flink.runtime.checkpoint.CheckpointCoordinator")).isTrue();
        assertThat(logsWarnings(configuration, METRIC_GROUP)).isTrue();
    }

    private static boolean logsWarnings(Configuration configuration, String logger) {
        return Level.WARN.isMoreSpecificThan(level(configuration, logger));
    }

    private Configuration read(String file) {
        // The images' file logs to ${sys:log.file}, which Flink's scripts set.
        System.setProperty("log.file", logDirectory.resolve("flink.log").toString());
        try {
            Configuration configuration = new PropertiesConfigurationFactory()
                    .getConfiguration(null, new ConfigurationSource(
                            Files.newInputStream(Project.file(file)), Project.file(file).toFile()));
            configuration.initialize();
            return configuration;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Level level(Configuration configuration, String logger) {
        return configuration.getLoggerConfig(logger).getLevel();
    }

    private static Filter.Result decision(Configuration configuration, LogEvent event) {
        LoggerConfig logger = configuration.getLoggerConfig(event.getLoggerName());
        Filter filter = logger.getFilter();
        return filter == null ? Filter.Result.NEUTRAL : filter.filter(event);
    }

    private static LogEvent collision(String metric) {
        return event(METRIC_GROUP,
                new ParameterizedMessage(NAME_COLLISION, metric, "[, taskmanager, sensor-stats, Committer, 0]"));
    }

    private static LogEvent event(String logger, ParameterizedMessage message) {
        return Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(Level.WARN).setMessage(message).build();
    }
}
