package dev.streamlake.jobs.sensorstats;

import org.apache.flink.util.MathUtils;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The sensors whose state the window operator holds back, by sensor id. Open addressing with the
 * id's hash bit-mixed: sensor ids are often alike (site-7/meter-000123), and {@link
 * java.util.HashMap} keeps the low bits of such strings' hashes, crowds them into a few buckets
 * and searches those as trees — a fifth of the operator's time in the benchmark.
 */
final class HeldSensors {

    private String[] ids = new String[64];
    private SensorWindows[] states = new SensorWindows[64];
    private int size;

    SensorWindows get(String sensorId) {
        int mask = ids.length - 1;
        for (int slot = slotOf(sensorId, mask); ids[slot] != null; slot = (slot + 1) & mask) {
            if (ids[slot].equals(sensorId)) {
                return states[slot];
            }
        }
        return null;
    }

    void put(String sensorId, SensorWindows state) {
        int mask = ids.length - 1;
        int slot = slotOf(sensorId, mask);
        while (ids[slot] != null) {
            if (ids[slot].equals(sensorId)) {
                states[slot] = state;
                return;
            }
            slot = (slot + 1) & mask;
        }
        ids[slot] = sensorId;
        states[slot] = state;
        if (++size * 2 > ids.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<String, SensorWindows> action) {
        for (int slot = 0; slot < ids.length; slot++) {
            if (ids[slot] != null) {
                action.accept(ids[slot], states[slot]);
            }
        }
    }

    void clear() {
        Arrays.fill(ids, null);
        Arrays.fill(states, null);
        size = 0;
    }

    private void grow() {
        String[] oldIds = ids;
        SensorWindows[] oldStates = states;
        ids = new String[oldIds.length * 2];
        states = new SensorWindows[oldIds.length * 2];
        size = 0;
        for (int slot = 0; slot < oldIds.length; slot++) {
            if (oldIds[slot] != null) {
                put(oldIds[slot], oldStates[slot]);
            }
        }
    }

    private static int slotOf(String sensorId, int mask) {
        return MathUtils.murmurHash(sensorId.hashCode()) & mask;
    }
}
