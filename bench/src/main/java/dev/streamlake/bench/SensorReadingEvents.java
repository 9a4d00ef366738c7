package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;

/** Sensor readings in the pool: keyed by sensor; a reading has no id, so a later pass only moves its time. */
enum SensorReadingEvents implements PoolEvents<SensorReading> {
    INSTANCE;

    @Override
    public Class<SensorReading> type() {
        return SensorReading.class;
    }

    @Override
    public String key(SensorReading reading) {
        return reading.getSensorId();
    }

    @Override
    public long eventTimeMillis(SensorReading reading) {
        return reading.getTs().toEpochMilli();
    }

    @Override
    public void moveToPass(SensorReading reading, long pass, long shiftMillis) {
        reading.setTs(reading.getTs().plusMillis(shiftMillis));
    }
}
