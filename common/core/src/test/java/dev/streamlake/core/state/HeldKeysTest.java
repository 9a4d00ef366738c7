package dev.streamlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class HeldKeysTest {

    @Test
    void findsEveryKeyAddedAcrossGrowth() {
        HeldKeys<String> held = new HeldKeys<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String key = String.format("site-%d/sensor-%06d", i % 7, i);
            numbers.put(key, held.add(key));
        }

        assertThat(held.size()).isEqualTo(5_000);
        assertThat(numbers.values()).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(0, 4_999));
        numbers.forEach((key, number) -> {
            assertThat(held.find(key)).isEqualTo(number);
            assertThat(held.key(number)).isEqualTo(key);
        });
        assertThat(held.find("site-0/sensor-999999")).isEqualTo(-1);
    }

    @Test
    void findsKeysOfAnyTypeByEquality() {
        HeldKeys<List<Integer>> held = new HeldKeys<>();
        int number = held.add(List.of(1, 2));

        assertThat(held.find(new ArrayList<>(List.of(1, 2)))).isEqualTo(number);
        assertThat(held.find(List.of(2, 1))).isEqualTo(-1);
    }

    @Test
    void removingAKeyKeepsEveryOtherFindableAndReusesItsNumber() {
        HeldKeys<String> held = new HeldKeys<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            numbers.put("s" + i, held.add("s" + i));
        }
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < 1_000; i += 3) {
            held.remove(numbers.get("s" + i));
            removed.add(numbers.get("s" + i));
        }

        for (int i = 0; i < 1_000; i++) {
            assertThat(held.find("s" + i)).isEqualTo(i % 3 == 0 ? -1 : numbers.get("s" + i));
        }
        assertThat(held.size()).isEqualTo(1_000 - removed.size());
        assertThat(removed).contains(held.add("new"));
    }

    @Test
    void handsOverEachChangedKeyOnceAndThenForgetsTheChange() {
        HeldKeys<String> held = new HeldKeys<>();
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
    void aChangeTakenBackIsNotHandedOverUnlessMarkedAgain() {
        HeldKeys<String> held = new HeldKeys<>();
        int s1 = held.add("s1");
        int s2 = held.add("s2");
        int s3 = held.add("s3");
        held.markChanged(s1);
        held.markChanged(s2);
        held.markChanged(s3);
        held.markUnchanged(s1);
        held.markUnchanged(s2);
        held.markChanged(s2);
        List<Integer> drained = new ArrayList<>();

        held.drainChanged(drained::add);
        assertThat(drained).containsExactly(s2, s3);

        held.markChanged(s1);
        held.drainChanged(drained::add);
        assertThat(drained).as("listed again once the drain forgot it").containsExactly(s2, s3, s1);
    }

    @Test
    void holdsNothingAfterClear() {
        HeldKeys<String> held = new HeldKeys<>();
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
