package dev.streamlake.testing.kafka;

import dev.streamlake.testing.flink.FlinkCluster;

import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a job's Kafka source has read and checkpointed: the source commits the offsets of each
 * completed checkpoint to its consumer group, summed here over the partitions.
 */
public final class CheckpointedOffsets {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private CheckpointedOffsets() {}

    /** Waits until a checkpoint holds the source of consumer group {@code group} past its first {@code records} records. */
    public static void await(FlinkCluster flink, KafkaBroker kafka, JobClient job, String group, long records, String what) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            flink.await(job, what + " read and checkpointed", TIMEOUT, () -> committed(admin, group) >= records);
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }
}
