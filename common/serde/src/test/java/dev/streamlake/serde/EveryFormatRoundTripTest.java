package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.UserChange;
import dev.streamlake.serde.avro.AvroBinaryFormat;
import dev.streamlake.serde.avro.ConfluentAvroFormat;
import dev.streamlake.serde.avro.SchemaRegistrySettings;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.testutil.MockSchemaRegistry;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type survives every format it can travel in: encoded on one side, decoded by a copy
 * of the format shipped the way Flink ships it (Java serialization, then open), through {@link
 * RecordDecoder}.
 */
class EveryFormatRoundTripTest {

    private static final String REGISTRY_SCOPE = "round-trip";

    @AfterAll
    static void dropRegistry() {
        MockSchemaRegistry.dropScope(REGISTRY_SCOPE);
    }

    static Stream<Arguments> samplesInEveryFormat() {
        List<Arguments> cases = new ArrayList<>();
        for (SpecificRecordBase sample : EventSamples.all()) {
            for (EventFormat<?> format : formatsFor(sample.getClass())) {
                cases.add(Arguments.of(format.name(), sample.getClass().getSimpleName(), format, sample));
            }
        }
        return cases.stream();
    }

    private static <T extends SpecificRecordBase> List<EventFormat<T>> formatsFor(Class<T> type) {
        List<EventFormat<T>> formats = new ArrayList<>();
        formats.add(new JsonFormat<>(type));
        formats.add(new AvroBinaryFormat<>(type));
        formats.add(
                new ConfluentAvroFormat<>(
                        type,
                        new SchemaRegistrySettings("mock://" + REGISTRY_SCOPE),
                        type.getSimpleName() + "-value"));
        if (type == UserChange.class) {
            formats.add(new DebeziumJsonFormat<>(type));
        }
        return formats;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samplesInEveryFormat")
    <T> void decodesWhatItEncoded(String formatName, String typeName, EventFormat<T> format, T sample)
            throws Exception {
        format.open();
        byte[] encoded = format.encode(sample);

        RecordDecoder<T> decoder = new RecordDecoder<>(InstantiationUtil.clone(format));
        decoder.open();
        Decoded<T> decoded = decoder.decode(encoded, DeadLetters.ORIGIN);

        assertThat(decoded.isValue()).as("decoded %s", decoded).isTrue();
        assertThat(decoded.getValue()).isEqualTo(sample);
    }
}
