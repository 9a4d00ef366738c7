package dev.streamlake.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.serde.Decoded;

import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

// Flink's harnesses declare close() throws InterruptedException, which javac's try lint flags.
@SuppressWarnings("try")
class DeadLetterSplitterTest {

    private static final DeadLetter BAD = DeadLetters.of("{oops", Instant.parse("2024-05-01T10:00:00Z"));

    @Test
    void eventsGoToTheMainOutputAndDeadLettersToTheSideOutput() throws Exception {
        try (OneInputStreamOperatorTestHarness<Decoded<String>, String> harness = splitter()) {
            harness.processElement(Decoded.of("first"), 1L);
            harness.processElement(Decoded.failed(BAD), 2L);
            harness.processElement(Decoded.of("second"), 3L);

            assertThat(harness.extractOutputValues()).containsExactly("first", "second");
            List<DeadLetter> deadLetters =
                    harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(deadLetters).containsExactly(BAD);
        }
    }

    @Test
    void recordsKeepTheirTimestamps() throws Exception {
        try (OneInputStreamOperatorTestHarness<Decoded<String>, String> harness = splitter()) {
            harness.processElement(Decoded.of("event"), 42L);
            harness.processElement(Decoded.failed(BAD), 43L);

            assertThat(harness.getOutput())
                    .extracting(record -> ((StreamRecord<?>) record).getTimestamp())
                    .containsExactly(42L);
            assertThat(harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS))
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(43L);
        }
    }

    @Test
    void eventsAndDeadLettersAreCounted() throws Exception {
        OperatorMetricsCapture metrics = new OperatorMetricsCapture();
        try (MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(metrics).build();
                OneInputStreamOperatorTestHarness<Decoded<String>, String> harness =
                        new OneInputStreamOperatorTestHarness<>(
                                new ProcessOperator<>(new DeadLetterSplitter<String>()), environment)) {
            harness.open();
            harness.processElement(Decoded.of("a"), 1L);
            harness.processElement(Decoded.failed(BAD), 2L);
            harness.processElement(Decoded.of("b"), 3L);
            harness.processElement(Decoded.of("c"), 4L);

            assertThat(metrics.count(DeadLetterSplitter.EVENTS_METRIC)).isEqualTo(3);
            assertThat(metrics.count(DeadLetterSplitter.DEAD_LETTERS_METRIC)).isEqualTo(1);
        }
    }

    private static OneInputStreamOperatorTestHarness<Decoded<String>, String> splitter() throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new DeadLetterSplitter<String>());
    }

    /** A task metric group that hands every operator one group whose metrics can be read back. */
    private static final class OperatorMetricsCapture extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {

        private final InterceptingOperatorMetricGroup operator = new InterceptingOperatorMetricGroup();

        @Override
        public InternalOperatorMetricGroup getOrAddOperator(OperatorID operatorID, String name) {
            return operator;
        }

        @Override
        public InternalOperatorMetricGroup getOrAddOperator(String name) {
            return operator;
        }

        long count(String metric) {
            return ((Counter) operator.get(metric)).getCount();
        }
    }
}
