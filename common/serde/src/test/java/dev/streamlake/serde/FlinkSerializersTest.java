package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.serde.avro.AvroTypes;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flink must never fall back to Kryo for our types: it is slow, and its state cannot evolve with
 * the schemas. With generic types disabled, creating a Kryo serializer fails, so every class
 * generated from the schemas, and {@link Decoded} of every event type, must get and round-trip
 * through a serializer of its own.
 */
class FlinkSerializersTest {

    private static final SerializerConfig WITHOUT_GENERIC_TYPES = withoutGenericTypes();

    /** One value of every generated class, found in the samples and their nested records. */
    private static final Map<Class<?>, Object> SAMPLE_VALUES = sampleValues();

    /** What {@code ExecutionConfig.disableGenericTypes()}, deprecated in Flink 1.20, does. */
    private static SerializerConfig withoutGenericTypes() {
        SerializerConfig config = new ExecutionConfig().getSerializerConfig();
        config.setGenericTypes(false);
        return config;
    }

    /** Every record and enum class generated from src/main/avro, shared types first as the build parses them. */
    static List<Class<?>> generatedClasses() throws Exception {
        Schema.Parser parser = new Schema.Parser();
        for (Path folder : List.of(Paths.get("src/main/avro/shared"), Paths.get("src/main/avro"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().collect(Collectors.toList())) {
                    parser.parse(new File(file.toString()));
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Schema schema : parser.getTypes().values()) {
            classes.add(Class.forName(SpecificData.getClassName(schema)));
        }
        return classes;
    }

    static List<Class<?>> eventTypes() {
        return EventSamples.all().stream().map(Object::getClass).distinct().collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedClasses")
    <T> void serializesEveryGeneratedClassWithItsOwnSerializer(Class<T> type) throws Exception {
        T sample = type.cast(SAMPLE_VALUES.get(type));
        assertThat(sample).as("EventSamples holds no %s", type.getSimpleName()).isNotNull();

        TypeInformation<T> typeInfo = TypeInformation.of(type);

        assertThat(typeInfo).isNotInstanceOf(GenericTypeInfo.class);
        assertThat(roundTrip(typeInfo.createSerializer(WITHOUT_GENERIC_TYPES), sample)).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    <T> void serializesDecodedEventsAndDeadLettersWithoutKryo(Class<T> type) throws Exception {
        TypeSerializer<Decoded<T>> serializer =
                Decoded.typeInfo(AvroTypes.typeInfo(type)).createSerializer(WITHOUT_GENERIC_TYPES);
        Decoded<T> event = Decoded.of(type.cast(SAMPLE_VALUES.get(type)));
        Decoded<T> deadLetter = Decoded.failed(EventSamples.deadLetter(0));

        assertThat(roundTrip(serializer, event)).isEqualTo(event);
        assertThat(roundTrip(serializer, deadLetter)).isEqualTo(deadLetter);
        assertThat(serializer.copy(event)).isEqualTo(event);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    private static Map<Class<?>, Object> sampleValues() {
        Map<Class<?>, Object> values = new LinkedHashMap<>();
        for (SpecificRecordBase sample : EventSamples.all()) {
            collect(sample, values);
        }
        return values;
    }

    private static void collect(Object value, Map<Class<?>, Object> values) {
        if (value instanceof SpecificRecord) {
            values.putIfAbsent(value.getClass(), value);
            SpecificRecord record = (SpecificRecord) value;
            for (Schema.Field field : record.getSchema().getFields()) {
                collect(record.get(field.pos()), values);
            }
        } else if (value instanceof Enum) {
            values.putIfAbsent(value.getClass(), value);
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(item -> collect(item, values));
        } else if (value instanceof Map) {
            ((Map<?, ?>) value).values().forEach(item -> collect(item, values));
        }
    }
}
