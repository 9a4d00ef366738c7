package dev.streamlake.jobs.sensorstats;

/** The wire formats the job reads readings in. */
public enum InputFormat {
    JSON,
    CONFLUENT_AVRO
}
