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
}
