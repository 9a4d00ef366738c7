package dev.streamlake.serde.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

class FieldByFieldSerializerTest {

    private final MeterTotalSerializer serializer = MeterTotalSerializer.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {"", "kWh", "m³", "what?", "\uD83D\uDE00 and ?", "lone \uD800 high", "lone \uDC00 low?"})
    void keepsTextExactlyAsItWas(String unit) throws Exception {
        assertThat(roundTrip(new MeterTotal(1, 2.0, unit)).unit).isEqualTo(unit);
    }

    @Test
    void keepsMissingText() throws Exception {
        assertThat(roundTrip(new MeterTotal(1, 2.0, null)).unit).isNull();
    }

    @Test
    void sendsTextWithoutSurrogatesAsItsUtf8Bytes() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(32);
        serializer.serialize(new MeterTotal(1, 2.0, "m³?"), out);

        byte[] written = out.getCopyOfBuffer();
        byte[] text = Arrays.copyOfRange(written, Long.BYTES + Double.BYTES + Integer.BYTES, written.length);
        assertThat(text).isEqualTo("m³?".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void copiesSerializedBytesUnchanged() throws Exception {
        DataOutputSerializer written = new DataOutputSerializer(64);
        serializer.serialize(new MeterTotal(4, -1.5, "lone \uD800"), written);
        serializer.serialize(new MeterTotal(5, 0.0, null), written);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        DataInputDeserializer in = new DataInputDeserializer(written.getCopyOfBuffer());

        serializer.copy(in, copied);
        serializer.copy(in, copied);

        assertThat(copied.getCopyOfBuffer()).isEqualTo(written.getCopyOfBuffer());
    }

    @Test
    void serializersOfOneTypeAreEqualOnlyAtTheSameLayout() {
        assertThat(List.of(serializer, new MeterTotalSerializer(2), serializer.duplicate())).allSatisfy(s -> {
            assertThat(s).isEqualTo(serializer);
            assertThat(s.hashCode()).isEqualTo(serializer.hashCode());
        });
        assertThat(new MeterTotalSerializer(1)).isNotEqualTo(serializer);
    }

    private MeterTotal roundTrip(MeterTotal total) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(32);
        serializer.serialize(total, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        MeterTotal read = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return read;
    }
}
