package dev.streamlake.delta.testing;

import org.apache.flink.api.common.functions.MapFunction;

import java.util.concurrent.atomic.AtomicBoolean;

/** Passes ids through and fails the job once, when it first sees a given id. */
public final class FailOnce implements MapFunction<Long, Long> {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long failAt;

    public FailOnce(long failAt) {
        this.failAt = failAt;
    }

    /** Arms the failure again, for the next test. */
    public static void reset() {
        FAILED.set(false);
    }

    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public Long map(Long id) {
        if (id == failAt && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at id " + id);
        }
        return id;
    }
}
