package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

class HeldSensorsTest {

    @Test
    void findsEverySensorPutAcrossGrowth() {
        HeldSensors held = new HeldSensors();
        Map<String, SensorWindows> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            SensorWindows state = new SensorWindows();
            held.put(String.format("sensor-%06d", i), state);
            expected.put(String.format("sensor-%06d", i), state);
        }

        assertThat(held.size()).isEqualTo(5_000);
        expected.forEach((id, state) -> assertThat(held.get(id)).isSameAs(state));
        assertThat(held.get("sensor-999999")).isNull();
    }

    @Test
    void replacesTheStateOfASensorPutAgain() {
        HeldSensors held = new HeldSensors();
        SensorWindows second = new SensorWindows();
        held.put("s1", new SensorWindows());

        held.put("s1", second);

        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get("s1")).isSameAs(second);
    }

    @Test
    void visitsEachHeldSensorOnceAndIsEmptyAfterClear() {
        HeldSensors held = new HeldSensors();
        for (int i = 0; i < 100; i++) {
            held.put("s" + i, new SensorWindows());
        }
        Map<String, SensorWindows> visited = new HashMap<>();

        held.forEach(visited::put);
        held.clear();

        assertThat(visited).hasSize(100);
        assertThat(held.size()).isZero();
        assertThat(held.get("s1")).isNull();
    }
}
