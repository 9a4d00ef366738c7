package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The readings' type in the job's streams, carried by {@link SensorReadingSerializer}. */
public final class SensorReadingTypeInfo extends TypeInformation<SensorReading> {

    private static final long serialVersionUID = 1L;

    public static final SensorReadingTypeInfo INSTANCE = new SensorReadingTypeInfo();

    private SensorReadingTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<SensorReading> getTypeClass() {
        return SensorReading.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<SensorReading> createSerializer(SerializerConfig config) {
        return SensorReadingSerializer.INSTANCE;
    }

    /** Still abstract in Flink 1.20, though deprecated in favour of the method above. */
    @Override
    @Deprecated
    public TypeSerializer<SensorReading> createSerializer(ExecutionConfig config) {
        return SensorReadingSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "SensorReading";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensorReadingTypeInfo;
    }

    @Override
    public int hashCode() {
        return SensorReadingTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof SensorReadingTypeInfo;
    }
}
