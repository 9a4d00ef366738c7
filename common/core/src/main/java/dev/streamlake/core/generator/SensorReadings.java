package dev.streamlake.core.generator;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.json.JsonFormat;

/** The generator of sensor readings as JSON, the way sensors send them to the jobs. */
public final class SensorReadings {

    private SensorReadings() {}

    /** Sensor readings encoded as JSON, with every JSON defect among the malformed records. */
    public static EventGenerator<SensorReading> generator(GeneratorSettings settings) {
        return new EventGenerator<>(
                settings,
                new SensorReadingRecipe(),
                new JsonFormat<>(SensorReading.class),
                JsonCorruption.all(EventFields.of(SensorReading.getClassSchema())));
    }
}
