package dev.streamlake.core.deadletter;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.RecordOrigin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Dead letters for tests. */
public final class DeadLetters {

    private DeadLetters() {}

    public static DeadLetter of(String raw, Instant ingestionTime) {
        return DeadLetter.newBuilder()
                .setRaw(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)))
                .setOrigin(RecordOrigin.newBuilder().setSystem("kafka").setName("readings").build())
                .setFormat("json")
                .setTargetType("SensorReading")
                .setErrorClass("com.fasterxml.jackson.core.JsonParseException")
                .setErrorMessage("not JSON")
                .setIngestionTime(ingestionTime)
                .build();
    }
}
