package dev.streamlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/** Deadlines come out earliest first, only once the watermark reaches them, each as often as listed. */
class KeyDeadlinesTest {

    @Test
    void nothingIsDueBeforeTheWatermarkReachesIt() {
        KeyDeadlines<String> deadlines = new KeyDeadlines<>();
        deadlines.add(10, "a");
        assertThat(deadlines.pollDue(9)).isNull();
        assertThat(deadlines.pollDue(10)).isEqualTo("a");
        assertThat(deadlines.pollDue(Long.MAX_VALUE)).isNull();
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void agreesWithAPriorityQueueOverManyRandomDeadlinesAndWatermarks() {
        SplittableRandom random = new SplittableRandom(11);
        // Each key is its own time, so the order of the keys polled is the order of their times.
        KeyDeadlines<Long> deadlines = new KeyDeadlines<>();
        PriorityQueue<Long> reference = new PriorityQueue<>();
        long watermark = 0;
        for (int round = 0; round < 2_000; round++) {
            for (int i = random.nextInt(5); i > 0; i--) {
                long time = watermark + random.nextLong(1_000);
                deadlines.add(time, time);
                reference.add(time);
            }
            watermark += random.nextLong(300);
            List<Long> due = new ArrayList<>();
            while (!reference.isEmpty() && reference.peek() <= watermark) {
                due.add(reference.poll());
            }
            List<Long> polled = new ArrayList<>();
            for (Long key = deadlines.pollDue(watermark); key != null; key = deadlines.pollDue(watermark)) {
                polled.add(key);
            }
            assertThat(polled).isEqualTo(due);
            assertThat(deadlines.size()).isEqualTo(reference.size());
        }
    }

    @Test
    void comesOutEarliestFirstWithRepeatsKept() {
        KeyDeadlines<String> deadlines = new KeyDeadlines<>();
        long[] times = {50, 20, 90, 20, 70, 10, 60, 30, 80, 40};
        for (int i = 0; i < times.length; i++) {
            deadlines.add(times[i], "k" + times[i]);
        }
        List<String> order = new ArrayList<>();
        for (String key = deadlines.pollDue(100); key != null; key = deadlines.pollDue(100)) {
            order.add(key);
        }
        assertThat(order).containsExactly("k10", "k20", "k20", "k30", "k40", "k50", "k60", "k70", "k80", "k90");
    }
}
