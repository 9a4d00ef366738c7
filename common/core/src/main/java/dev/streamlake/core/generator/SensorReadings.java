package dev.streamlake.core.generator;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

/** The generator of sensor readings as JSON, the way sensors send them to the jobs. */
public final class SensorReadings {

    private SensorReadings() {}

    /** Sensor readings encoded as JSON, with every JSON defect among the malformed records. */
    public static EventGenerator<SensorReading> generator(GeneratorSettings settings) {
        return generator(settings, new JsonFormat<>(SensorReading.class));
    }

    /**
     * As {@link #generator(GeneratorSettings)}, decoded with the job's own format: a JSON format
     * with the job's rules on top, so generated records are judged exactly like real input.
     */
    public static EventGenerator<SensorReading> generator(
            GeneratorSettings settings, EventFormat<SensorReading> jsonFormat) {
        return new EventGenerator<>(
                settings,
                new SensorReadingRecipe(),
                jsonFormat,
                JsonCorruption.all(EventFields.of(SensorReading.getClassSchema())));
    }
}
