package dev.streamlake.testing.flink;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through unchanged, and fails the task once: at the {@code recordsAfter}-th
 * record a subtask sees after it learned that checkpoint {@code checkpointId} (or a later one) is
 * complete. The records before it have gone downstream since that checkpoint, so the sinks must
 * roll them back or the job write them twice; the job then restores from the checkpoint.
 * "Once" holds per {@code failureId} for the whole test JVM, across the restarts it causes: give
 * every test its own id, and parallel tests do not interfere.
 *
 * <pre>{@code
 * stream.map(new FailOnceAfterCheckpoint<>(failureId, 2, 50)).uid("fail-once")
 * assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isTrue();
 * }</pre>
 */
public final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /** Static on purpose: the MiniCluster runs in the test JVM, and this survives task restarts. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String failureId;
    private final long checkpointId;
    private final long recordsAfter;

    private transient boolean checkpointComplete;
    private transient long recordsSinceCheckpoint;

    public FailOnceAfterCheckpoint(String failureId, long checkpointId, long recordsAfter) {
        if (recordsAfter < 1) {
            throw new IllegalArgumentException("recordsAfter must be at least 1, not " + recordsAfter);
        }
        this.failureId = failureId;
        this.checkpointId = checkpointId;
        this.recordsAfter = recordsAfter;
    }

    public static boolean hasFailed(String failureId) {
        return FAILED.contains(failureId);
    }

    @Override
    public T map(T value) {
        if (checkpointComplete && ++recordsSinceCheckpoint >= recordsAfter && FAILED.add(failureId)) {
            throw new InjectedFailure(failureId, checkpointId, recordsSinceCheckpoint);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long completedCheckpointId) {
        checkpointComplete |= completedCheckpointId >= checkpointId;
    }

    /** The failure this operator injects, recognisable in logs and job results. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String failureId, long checkpointId, long records) {
            super("Injected failure " + failureId + " at record " + records + " after checkpoint " + checkpointId);
        }
    }
}
