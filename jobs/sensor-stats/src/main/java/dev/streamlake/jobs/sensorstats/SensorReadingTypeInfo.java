package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.state.SerializerTypeInfo;

/** The readings' type in the job's streams, carried by {@link SensorReadingSerializer}. */
public final class SensorReadingTypeInfo extends SerializerTypeInfo<SensorReading> {

    private static final long serialVersionUID = 1L;

    public static final SensorReadingTypeInfo INSTANCE = new SensorReadingTypeInfo();

    private SensorReadingTypeInfo() {
        super(SensorReading.class, SensorReadingSerializer.INSTANCE);
    }
}
