package dev.streamlake.testing.flink;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes records through unchanged and fails the task once, when the first record that {@code at}
 * accepts comes by: a failure at a chosen point of the input (say, the first too-late record), so
 * a test knows what the recovery replays after the last checkpoint. "Once" holds per {@code
 * failureId} for the whole test JVM, across the restarts it causes.
 *
 * <pre>{@code
 * stream.map(new FailOnceAt<>(failureId, review -> review.getReviewId().equals(firstTooLate)))
 * }</pre>
 */
public final class FailOnceAt<T> implements MapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    /** Static on purpose: the MiniCluster runs in the test JVM, and this survives task restarts. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String failureId;
    private final FilterFunction<T> at;

    public FailOnceAt(String failureId, FilterFunction<T> at) {
        this.failureId = failureId;
        this.at = at;
    }

    public static boolean hasFailed(String failureId) {
        return FAILED.contains(failureId);
    }

    @Override
    public T map(T record) throws Exception {
        if (at.filter(record) && FAILED.add(failureId)) {
            throw new IllegalStateException("Injected failure " + failureId + " at " + record);
        }
        return record;
    }
}
