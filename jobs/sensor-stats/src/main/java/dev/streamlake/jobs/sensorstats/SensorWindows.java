package dev.streamlake.jobs.sensorstats;

/**
 * One sensor's open windows as the state backend keeps them: a single value per sensor, so a
 * sensor is read or written with one state access. Serialized by {@link SensorWindowsSerializer}.
 * While a sensor is held in memory its windows live in {@link WindowPanes} instead.
 */
final class SensorWindows {

    final OpenWindow[] windows;

    SensorWindows(OpenWindow[] windows) {
        this.windows = windows;
    }
}
