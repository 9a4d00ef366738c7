package dev.streamlake.testing.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class FailOnceAfterCheckpointTest {

    private final String failureId = "unit-" + UUID.randomUUID();

    @Test
    void passesRecordsThroughUntilTheCheckpointCompletes() {
        FailOnceAfterCheckpoint<String> operator = new FailOnceAfterCheckpoint<>(failureId, 3, 1);

        operator.notifyCheckpointComplete(2);

        assertThat(operator.map("a")).isEqualTo("a");
        assertThat(operator.map("b")).isEqualTo("b");
        assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isFalse();
    }

    @Test
    void failsAtTheGivenRecordAfterTheCheckpoint() {
        FailOnceAfterCheckpoint<String> operator = new FailOnceAfterCheckpoint<>(failureId, 3, 3);
        operator.notifyCheckpointComplete(4);

        assertThat(operator.map("first")).isEqualTo("first");
        assertThat(operator.map("second")).isEqualTo("second");
        assertThatThrownBy(() -> operator.map("third"))
                .isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class)
                .hasMessageContaining(failureId);
        assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isTrue();
    }

    @Test
    void failsOnlyOnceAcrossSubtasksAndRestarts() {
        FailOnceAfterCheckpoint<String> failing = new FailOnceAfterCheckpoint<>(failureId, 1, 1);
        failing.notifyCheckpointComplete(1);
        assertThatThrownBy(() -> failing.map("x")).isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);

        FailOnceAfterCheckpoint<String> restarted = new FailOnceAfterCheckpoint<>(failureId, 1, 1);
        restarted.notifyCheckpointComplete(2);

        assertThat(restarted.map("y")).isEqualTo("y");
        assertThat(failing.map("z")).isEqualTo("z");
    }

    @Test
    void testsWithOtherIdsFailIndependently() {
        FailOnceAfterCheckpoint<String> first = new FailOnceAfterCheckpoint<>(failureId, 1, 1);
        FailOnceAfterCheckpoint<String> other = new FailOnceAfterCheckpoint<>(failureId + "-other", 1, 1);
        first.notifyCheckpointComplete(1);
        other.notifyCheckpointComplete(1);
        assertThatThrownBy(() -> first.map("x")).isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);

        assertThatThrownBy(() -> other.map("x")).isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);
    }
}
