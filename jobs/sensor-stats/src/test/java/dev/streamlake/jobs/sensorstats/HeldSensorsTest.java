package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class HeldSensorsTest {

    @Test
    void findsEverySensorAddedAcrossGrowth() {
        HeldSensors held = new HeldSensors();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String id = String.format("site-%d/sensor-%06d", i % 7, i);
            numbers.put(id, held.add(id));
        }

        assertThat(held.size()).isEqualTo(5_000);
        assertThat(numbers.values()).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(0, 4_999));
        numbers.forEach((id, number) -> {
            assertThat(held.find(id)).isEqualTo(number);
            assertThat(held.id(number)).isEqualTo(id);
        });
        assertThat(held.find("site-0/sensor-999999")).isEqualTo(-1);
    }

    @Test
    void removingASensorKeepsEveryOtherFindableAndReusesItsNumber() {
        HeldSensors held = new HeldSensors();
        for (int i = 0; i < 1_000; i++) {
            held.add("s" + i);
        }
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < 1_000; i += 3) {
            int number = held.find("s" + i);
            held.remove(number);
            removed.add(number);
        }

        for (int i = 0; i < 1_000; i++) {
            assertThat(held.find("s" + i)).isEqualTo(i % 3 == 0 ? -1 : held.find("s" + i));
            if (i % 3 != 0) {
                assertThat(held.id(held.find("s" + i))).isEqualTo("s" + i);
            }
        }
        assertThat(held.size()).isEqualTo(1_000 - removed.size());
        assertThat(removed).contains(held.add("new"));
    }

    @Test
    void handsOverEachChangedSensorOnceAndThenForgetsTheChange() {
        HeldSensors held = new HeldSensors();
        int s1 = held.add("s1");
        int s2 = held.add("s2");
        held.add("s3");
        held.markChanged(s2);
        held.markChanged(s1);
        held.markChanged(s2);
        List<Integer> drained = new ArrayList<>();

        held.drainChanged(drained::add);
        held.drainChanged(drained::add);

        assertThat(drained).containsExactly(s2, s1);
    }

    @Test
    void holdsNothingAfterClear() {
        HeldSensors held = new HeldSensors();
        for (int i = 0; i < 100; i++) {
            held.markChanged(held.add("s" + i));
        }

        held.clear();
        List<Integer> drained = new ArrayList<>();
        held.drainChanged(drained::add);

        assertThat(held.size()).isZero();
        assertThat(held.find("s1")).isEqualTo(-1);
        assertThat(drained).isEmpty();
        assertThat(held.add("s1")).isZero();
    }
}
