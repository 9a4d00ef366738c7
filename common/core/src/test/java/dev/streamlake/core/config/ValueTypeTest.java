package dev.streamlake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class ValueTypeTest {

    @Test
    void durationsNeedAUnit() {
        ValueType<Duration> duration = ValueType.duration();

        assertThat(duration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(duration.parse("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(duration.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(duration.parse(" 250 ms ")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> duration.parse("30")).hasMessage("the duration has no unit");
        assertThatThrownBy(() -> duration.parse("5 fortnights")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesNeedAUnit() {
        assertThat(ValueType.memorySize().parse("128mb")).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThatThrownBy(() -> ValueType.memorySize().parse("128")).hasMessage("the size has no unit");
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        assertThat(ValueType.bool().parse("TRUE")).isTrue();
        assertThat(ValueType.bool().parse("false")).isFalse();
        assertThatThrownBy(() -> ValueType.bool().parse("yes")).hasMessage("not true or false");
    }

    @Test
    void positiveIntsRejectZeroAndText() {
        assertThat(ValueType.positiveInt().parse("4")).isEqualTo(4);
        assertThatThrownBy(() -> ValueType.positiveInt().parse("0")).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> ValueType.positiveInt().parse("four")).hasMessage("not a whole number");
    }

    @Test
    void enumsAreWrittenInLowerCaseWithHyphens() {
        ValueType<Thread.State> state = ValueType.enumOf(Thread.State.class);

        assertThat(state.parse("timed-waiting")).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(state.parse("TIMED_WAITING")).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(state.render(Thread.State.TIMED_WAITING)).isEqualTo("timed-waiting");
        assertThat(state.format()).startsWith("one of: new, runnable, blocked, waiting, timed-waiting");
    }

    @Test
    void instantsAreIsoOrEpochMillis() {
        Instant expected = Instant.parse("2024-05-01T00:00:00Z");

        assertThat(ValueType.instant().parse("2024-05-01T00:00:00Z")).isEqualTo(expected);
        assertThat(ValueType.instant().parse(Long.toString(expected.toEpochMilli()))).isEqualTo(expected);
        assertThatThrownBy(() -> ValueType.instant().parse("yesterday")).hasMessage("not an instant");
    }

    @Test
    void listsAreTrimmedAndHaveNoEmptyItems() {
        assertThat(ValueType.list().parse("a, b ,c")).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> ValueType.list().parse("a,,b")).hasMessage("the list has an empty item");
    }

    @Test
    void emptyValuesAreRejected() {
        assertThatThrownBy(() -> ValueType.string().parse("  ")).hasMessage("the value is empty");
    }
}
