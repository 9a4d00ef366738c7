package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Each job's example configurations in conf/<job>/ start the job: the Kafka properties file as a
 * --config file, the Kinesis property groups as Managed Service for Apache Flink hands them to the
 * job, the local run's file on the embedded MiniCluster. Every key is one the job knows and every
 * connector can be built from them.
 */
class ExampleConfigurationTest {

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertiesFileStartsAKafkaToDeltaOnS3Job(DeployedJob job) {
        JobConfig config = JobStartup.fromArguments(job, "--config", job.conf(DeployedJob.CLUSTER_PROPERTIES).toString());

        JobStartup.assertStarts(job, config);
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty().allSatisfy((key, type) -> assertThat(type).isEqualTo("kafka"));
        assertThat(JobStartup.deltaTables(job, config)).isNotEmpty().allMatch(table -> "s3".equals(table.getScheme()));
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theMsfRuntimeReadsThePropertyGroupsEachNamedByTheFirstKeySegment(DeployedJob job) throws IOException {
        Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties(
                job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES).toString());

        assertThat(groups).isNotEmpty();
        assertThat(groups.keySet()).allMatch(groupId -> !groupId.contains("."));
        assertThat(groups.values()).allMatch(group -> !group.isEmpty());
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertyGroupsStartAKinesisToDeltaOnS3Job(DeployedJob job) {
        JobConfig config = JobStartup.fromApplicationProperties(job, job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES));

        JobStartup.assertStarts(job, config);
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty().allSatisfy((key, type) -> assertThat(type).isEqualTo("kinesis"));
        assertThat(JobStartup.values(config, "(.+\\.)?record-publisher"))
                .isNotEmpty()
                .allSatisfy((key, publisher) -> assertThat(publisher).isEqualToIgnoringCase("efo"));
        assertThat(JobStartup.deltaTables(job, config)).isNotEmpty().allMatch(table -> "s3".equals(table.getScheme()));
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertyGroupsLeaveToTheServiceWhatItOwns(DeployedJob job) {
        // MSF sets checkpointing, state backend, restarts and parallelism; the job would ignore them.
        JobConfig config = JobStartup.fromApplicationProperties(job, job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES));

        List<String> serviceOwned = EnvironmentKeys.SCHEMA.keys().stream()
                .filter(key -> key != EnvironmentKeys.RUNTIME_PLATFORM)
                .filter(config::isSet)
                .map(ConfigKey::name)
                .collect(Collectors.toList());

        assertThat(serviceOwned).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theLocalRunsFileRunsEmbeddedOnTheGenerator(DeployedJob job) {
        JobConfig config = JobStartup.fromArguments(job, "--config", job.conf(DeployedJob.LOCAL_PROPERTIES).toString());

        assertThat(JobStartup.value(config, "local.embedded")).hasValue("true");
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty().allSatisfy((key, type) -> assertThat(type).isEqualTo("generator"));
    }
}
