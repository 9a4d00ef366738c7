package dev.streamlake.testing.flink;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ends a job on an unbounded source as if its input had ended: stop with a savepoint and drain,
 * which advances event time to its end, so every window still open fires and the sinks commit
 * what they hold with the savepoint.
 */
public final class EndOfInput {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private EndOfInput() {}

    public static void drain(JobClient job, String savepointDirectory) throws Exception {
        job.stopWithSavepoint(true, savepointDirectory, SavepointFormatType.CANONICAL)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        job.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
