package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class ReadingSetTest {

    @Test
    void addsEachReadingOnceAcrossGrowth() {
        ReadingSet readings = new ReadingSet();
        for (long ts = 0; ts < 10_000; ts += 10) {
            assertThat(readings.add(ts, ts % 7)).isTrue();
        }
        for (long ts = 0; ts < 10_000; ts += 10) {
            assertThat(readings.add(ts, ts % 7)).isFalse();
            assertThat(readings.add(ts, ts % 7 + 0.5)).isTrue();
        }

        assertThat(readings.size()).isEqualTo(2_000);
    }

    @Test
    void tellsValuesApartAsDoubleCompareDoes() {
        ReadingSet readings = new ReadingSet();

        assertThat(readings.add(1_000, 0.0)).isTrue();
        assertThat(readings.add(1_000, -0.0)).isTrue();
        assertThat(readings.add(1_000, Double.NaN)).isTrue();
        assertThat(readings.add(1_000, Double.longBitsToDouble(0x7ff0000000000001L))).isFalse();
        assertThat(readings.add(Long.MIN_VALUE, Double.NaN)).isTrue();
        assertThat(readings.size()).isEqualTo(4);
    }

    @Test
    void visitsEveryReadingOnce() {
        ReadingSet readings = new ReadingSet();
        for (int i = 0; i < 100; i++) {
            readings.add(i, i * 1.5);
        }
        Set<String> visited = new HashSet<>();

        readings.forEach((ts, value) -> assertThat(visited.add(ts + "=" + value)).isTrue());

        assertThat(visited).hasSize(100).contains("99=148.5");
    }

    @Test
    void aCopyHoldsTheSameReadingsAndChangesOnItsOwn() {
        ReadingSet original = new ReadingSet();
        for (int i = 0; i < 40; i++) {
            original.add(i, i * 0.25);
        }

        ReadingSet copy = original.copy();
        copy.add(1_000, 1.0);
        original.add(2_000, 2.0);

        assertThat(copy.add(39, 9.75)).as("a reading of the original is a duplicate in the copy").isFalse();
        assertThat(copy.add(2_000, 2.0)).as("a later reading of the original is not in the copy").isTrue();
        assertThat(original.add(1_000, 1.0)).as("a reading of the copy is not in the original").isTrue();
        assertThat(copy.size()).isEqualTo(42);
        assertThat(original.size()).isEqualTo(42);
    }
}
