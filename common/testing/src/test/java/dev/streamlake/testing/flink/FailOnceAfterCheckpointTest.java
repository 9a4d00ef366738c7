package dev.streamlake.testing.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class FailOnceAfterCheckpointTest {

    private final String failureId = "unit-" + UUID.randomUUID();

    @Test
    void passesRecordsThroughUnchanged() {
        assertThat(new FailOnceAfterCheckpoint<String>(failureId, 1).map("record")).isEqualTo("record");
    }

    @Test
    void failsWhenTheGivenCheckpointCompletesNotBefore() {
        FailOnceAfterCheckpoint<String> operator = new FailOnceAfterCheckpoint<>(failureId, 3);

        operator.notifyCheckpointComplete(2);
        assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isFalse();

        assertThatThrownBy(() -> operator.notifyCheckpointComplete(3))
                .isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class)
                .hasMessageContaining(failureId);
        assertThat(FailOnceAfterCheckpoint.hasFailed(failureId)).isTrue();
    }

    @Test
    void failsOnlyOnceAcrossSubtasksAndRestarts() {
        FailOnceAfterCheckpoint<String> failing = new FailOnceAfterCheckpoint<>(failureId, 1);
        assertThatThrownBy(() -> failing.notifyCheckpointComplete(1))
                .isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);

        FailOnceAfterCheckpoint<String> restarted = new FailOnceAfterCheckpoint<>(failureId, 1);
        assertThatCode(() -> restarted.notifyCheckpointComplete(2)).doesNotThrowAnyException();
        assertThatCode(() -> failing.notifyCheckpointComplete(3)).doesNotThrowAnyException();
    }

    @Test
    void testsWithOtherIdsFailIndependently() {
        FailOnceAfterCheckpoint<String> first = new FailOnceAfterCheckpoint<>(failureId, 1);
        FailOnceAfterCheckpoint<String> other = new FailOnceAfterCheckpoint<>(failureId + "-other", 1);
        assertThatThrownBy(() -> first.notifyCheckpointComplete(1)).isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);

        assertThatThrownBy(() -> other.notifyCheckpointComplete(1)).isInstanceOf(FailOnceAfterCheckpoint.InjectedFailure.class);
    }
}
