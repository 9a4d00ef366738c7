package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every deployment keeps the job's state across upgrades and failures: the operator finds the
 * directories its upgrade mode needs, JobManager failures recover through Kubernetes HA, and all
 * of it lies on S3, since a pod's disk goes with the pod.
 *
 * <p>The keys are checked by their literal names: operator 1.10 is built on Flink 1.19 and reads
 * {@code state.checkpoints.dir} and {@code state.savepoints.dir}, not the 1.20 names.
 */
class UpgradeStateTest {

    private static final String CHECKPOINTS_DIR = "state.checkpoints.dir";
    private static final String SAVEPOINTS_DIR = "state.savepoints.dir";
    private static final String HA_TYPE = "high-availability.type";
    private static final String HA_STORAGE_DIR = "high-availability.storageDir";

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void upgradesCarryTheStateOver(RenderedDeployment deployment) {
        assertThat(deployment.flinkDeployment().getSpec().getJob().getUpgradeMode())
                .isIn(UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE);
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void setsTheDirectoriesTheOperatorRequiresForTheUpgradeMode(RenderedDeployment deployment) {
        Map<String, String> configuration = deployment.flinkConfiguration();

        assertThat(configuration).containsKey(CHECKPOINTS_DIR);
        if (deployment.flinkDeployment().getSpec().getJob().getUpgradeMode() == UpgradeMode.SAVEPOINT) {
            assertThat(configuration).containsKey(SAVEPOINTS_DIR);
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void recoversTheJobManagerThroughKubernetesHighAvailability(RenderedDeployment deployment) {
        // Required by last-state upgrades, and what lets savepoint upgrades fall back to last-state.
        Map<String, String> configuration = deployment.flinkConfiguration();

        assertThat(configuration).containsEntry(HA_TYPE, "kubernetes").containsKey(HA_STORAGE_DIR);
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void keepsItsStateApartFromOtherJobs(RenderedDeployment deployment) {
        // Flink would keep the jobs apart by job id; one directory per job keeps them apart for
        // people and IAM policies too, and keeps a job copied from another from restoring its state.
        Map<String, String> configuration = deployment.flinkConfiguration();

        for (String key : List.of(CHECKPOINTS_DIR, SAVEPOINTS_DIR, HA_STORAGE_DIR)) {
            assertThat(configuration.get(key)).as(key).contains("/" + deployment.job().name() + "/");
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void keepsStateOnS3(RenderedDeployment deployment) {
        Map<String, String> configuration = deployment.flinkConfiguration();
        List<String> directories = new ArrayList<>();
        for (String key : List.of(CHECKPOINTS_DIR, SAVEPOINTS_DIR, HA_STORAGE_DIR)) {
            directories.add(configuration.getOrDefault(key, key + " unset"));
        }

        assertThat(directories).allMatch(directory -> directory.startsWith("s3://"));
    }
}
