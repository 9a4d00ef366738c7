package dev.streamlake.bench;

import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsHistory;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The checkpoints a segment completed while it was measured, from the job's checkpoint
 * statistics (what the Web UI shows): a checkpoint counts when its last acknowledgement came
 * between the first decoded record and the end of the last sink's input, so its cost lies inside
 * the measured CPU time.
 */
final class RoundCheckpoints {

    static final RoundCheckpoints NONE = new RoundCheckpoints(0, -1, -1, -1);

    final int completed;
    /** Mean time from trigger to the last acknowledgement; -1 without checkpoints. */
    final long meanDurationMillis;
    /** Mean bytes a checkpoint wrote (for RocksDB incremental: the new files only); -1 without checkpoints. */
    final long meanCheckpointedBytes;
    /** The full state the newest of them refers to; -1 without checkpoints. */
    final long stateBytes;

    private RoundCheckpoints(int completed, long meanDurationMillis, long meanCheckpointedBytes, long stateBytes) {
        this.completed = completed;
        this.meanDurationMillis = meanDurationMillis;
        this.meanCheckpointedBytes = meanCheckpointedBytes;
        this.stateBytes = stateBytes;
    }

    static RoundCheckpoints within(CheckpointStatsHistory history, long fromEpochMillis, long toEpochMillis) {
        List<AbstractCheckpointStats> completed = history.getCheckpoints().stream()
                .filter(stats -> stats.getStatus() == CheckpointStatsStatus.COMPLETED)
                .filter(stats -> stats.getLatestAckTimestamp() >= fromEpochMillis
                        && stats.getLatestAckTimestamp() <= toEpochMillis)
                .collect(Collectors.toList());
        if (completed.isEmpty()) {
            return NONE;
        }
        AbstractCheckpointStats newest = completed.stream()
                .max((a, b) -> Long.compare(a.getCheckpointId(), b.getCheckpointId()))
                .orElseThrow();
        return new RoundCheckpoints(
                completed.size(),
                Math.round(completed.stream().mapToLong(AbstractCheckpointStats::getEndToEndDuration).average().orElseThrow()),
                Math.round(completed.stream().mapToLong(AbstractCheckpointStats::getCheckpointedSize).average().orElseThrow()),
                newest.getStateSize());
    }
}
