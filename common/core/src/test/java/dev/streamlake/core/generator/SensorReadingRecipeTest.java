package dev.streamlake.core.generator;

import dev.streamlake.events.SensorReading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SensorReadingRecipeTest {

    /** Wider than any sensor's daily swing plus noise, narrower than its spikes plus swing. */
    private static final double USUAL_BAND = 15;

    @Test
    void eachSensorStaysNearItsOwnLevelWithRareSpikes() {
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(GeneratorSettings.builder().keys(40).malformedShare(0).build());
        Map<String, List<Double>> readingsOf = new HashMap<>();
        Map<String, String> unitOf = new HashMap<>();
        for (long index = 0; index < 40_000; index++) {
            SensorReading reading = generator.eventAt(index);
            readingsOf.computeIfAbsent(reading.getSensorId(), id -> new ArrayList<>()).add(reading.getReading());
            unitOf.put(reading.getSensorId(), reading.getUnit());
        }

        long readings = 0;
        long outside = 0;
        Map<String, Set<Double>> levelsOfUnit = new HashMap<>();
        for (Map.Entry<String, List<Double>> sensor : readingsOf.entrySet()) {
            double level = median(sensor.getValue());
            levelsOfUnit.computeIfAbsent(unitOf.get(sensor.getKey()), unit -> new HashSet<>()).add(level);
            for (double value : sensor.getValue()) {
                readings++;
                if (Math.abs(value - level) > USUAL_BAND) {
                    outside++;
                }
            }
        }

        assertThat((double) outside / readings).isLessThan(0.01);
        assertThat(levelsOfUnit).allSatisfy((unit, levels) -> assertThat(levels).hasSizeGreaterThan(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
