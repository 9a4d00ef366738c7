package dev.streamlake.testing.flink;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through unchanged, and fails the task once, the first time any of its subtasks
 * learns that checkpoint {@code checkpointId} (or a later one) is complete; the job then restores
 * from that checkpoint. "Once" holds per {@code failureId} for the whole test JVM, across the
 * restarts it causes, so give every test its own id and parallel tests do not interfere.
 *
 * <pre>{@code
 * stream.map(new FailOnceAfterCheckpoint<>(failureId, 2)).uid("fail-once")
 * assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isTrue();
 * }</pre>
 */
public final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /** Static on purpose: the MiniCluster runs in the test JVM, and this survives task restarts. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String failureId;
    private final long checkpointId;

    public FailOnceAfterCheckpoint(String failureId, long checkpointId) {
        this.failureId = failureId;
        this.checkpointId = checkpointId;
    }

    public static boolean hasFailed(String failureId) {
        return FAILED.contains(failureId);
    }

    @Override
    public T map(T value) {
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long completedCheckpointId) {
        if (completedCheckpointId >= checkpointId && FAILED.add(failureId)) {
            throw new InjectedFailure(failureId, completedCheckpointId);
        }
    }

    /** The failure this operator injects, recognisable in logs and job results. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String failureId, long checkpointId) {
            super("Injected failure " + failureId + " after checkpoint " + checkpointId);
        }
    }
}
