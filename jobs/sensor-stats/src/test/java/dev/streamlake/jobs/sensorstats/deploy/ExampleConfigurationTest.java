package dev.streamlake.jobs.sensorstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.kinesis.RecordPublisher;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.SourceType;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The example configurations in conf/ start the job: the Kafka properties file as a --config file,
 * the Kinesis property groups as Managed Service for Apache Flink hands them to the job. Every key
 * is one the job knows and every connector can be built from them.
 */
class ExampleConfigurationTest {

    private static final Path PROPERTIES = Project.file("conf/sensor-stats.properties");
    private static final Path MSF_GROUPS = Project.file("conf/msf/sensor-stats-application-properties.json");

    @Test
    void thePropertiesFileStartsAKafkaToDeltaOnS3Job() {
        JobConfig config = JobStartup.fromArguments("--config", PROPERTIES.toString());

        JobConfig settings = JobStartup.assertStarts(config);
        assertThat(config.scope("readings").get(SourceKeys.TYPE)).isEqualTo(SourceType.KAFKA);
        assertThat(JobStartup.deltaTables(settings)).allMatch(table -> "s3".equals(table.getScheme()));
    }

    @Test
    void theMsfRuntimeReadsThePropertyGroupsEachNamedByTheFirstKeySegment() throws IOException {
        Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties(MSF_GROUPS.toString());

        assertThat(groups).isNotEmpty();
        assertThat(groups.keySet()).allMatch(groupId -> !groupId.contains("."));
        assertThat(groups.values()).allMatch(group -> !group.isEmpty());
    }

    @Test
    void thePropertyGroupsStartAKinesisToDeltaOnS3Job() {
        JobConfig config = JobStartup.fromApplicationProperties(MSF_GROUPS);

        JobConfig settings = JobStartup.assertStarts(config);
        assertThat(config.scope("readings").get(SourceKeys.TYPE)).isEqualTo(SourceType.KINESIS);
        assertThat(config.scope("readings").get(KinesisKeys.SOURCE_RECORD_PUBLISHER)).isEqualTo(RecordPublisher.EFO);
        assertThat(JobStartup.deltaTables(settings)).allMatch(table -> "s3".equals(table.getScheme()));
    }

    @Test
    void thePropertyGroupsLeaveToTheServiceWhatItOwns() {
        // MSF sets checkpointing, state backend, restarts and parallelism; the job would ignore them.
        JobConfig config = JobStartup.fromApplicationProperties(MSF_GROUPS);

        List<String> serviceOwned = EnvironmentKeys.SCHEMA.keys().stream()
                .filter(key -> key != EnvironmentKeys.RUNTIME_PLATFORM)
                .filter(config::isSet)
                .map(ConfigKey::name)
                .collect(Collectors.toList());

        assertThat(serviceOwned).isEmpty();
    }
}
