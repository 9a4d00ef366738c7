package dev.streamlake.delta.convert;

import dev.streamlake.events.Address;
import dev.streamlake.events.Order;
import dev.streamlake.events.OrderLine;
import dev.streamlake.events.OrderStatus;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class AvroRowDataConverterTest {

    private static final Instant TS = Instant.parse("2024-03-01T12:30:00.250Z");

    private static Order order(Address address) {
        return Order.newBuilder()
                .setOrderId("o-1")
                .setUserId("u-7")
                .setStatus(OrderStatus.PAID)
                .setLines(
                        Arrays.asList(
                                OrderLine.newBuilder().setSku("s-1").setProductId("p-1").setQuantity(2)
                                        .setUnitPrice(new BigDecimal("9.99")).build(),
                                OrderLine.newBuilder().setSku("s-2").setProductId("p-2").setQuantity(1)
                                        .setUnitPrice(new BigDecimal("100.00")).build()))
                .setTotal(new BigDecimal("119.98"))
                .setCurrency("EUR")
                .setShippingAddress(address)
                .setPromisedDeliveryDate(LocalDate.of(2024, 3, 4))
                .setCouponCode(null)
                .setGift(true)
                .setAttributes(Collections.singletonMap("campaign", "spring"))
                .setTs(TS)
                .build();
    }

    @Test
    void aGeneratedRecordBecomesARowWithEveryValueConverted() {
        AvroRowDataConverter<Order> converter = AvroRowDataConverter.forSpecific(Order.class);

        RowData row = converter.toRowData(order(null));

        assertThat(row.getString(0)).isEqualTo(StringData.fromString("o-1"));
        assertThat(row.getString(2)).isEqualTo(StringData.fromString("PAID"));
        RowData secondLine = row.getArray(3).getRow(1, 4);
        assertThat(secondLine.getString(0)).isEqualTo(StringData.fromString("s-2"));
        assertThat(secondLine.getDecimal(3, 18, 2).toBigDecimal()).isEqualByComparingTo("100.00");
        assertThat(row.getDecimal(4, 18, 2)).isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("119.98"), 18, 2));
        assertThat(row.isNullAt(6)).isTrue();
        assertThat(row.getInt(7)).isEqualTo((int) LocalDate.of(2024, 3, 4).toEpochDay());
        assertThat(row.isNullAt(8)).isTrue();
        assertThat(row.getBoolean(9)).isTrue();
        assertThat(row.getMap(10).keyArray().getString(0)).isEqualTo(StringData.fromString("campaign"));
        assertThat(row.getMap(10).valueArray().getString(0)).isEqualTo(StringData.fromString("spring"));
        assertThat(row.getTimestamp(11, 3)).isEqualTo(TimestampData.fromInstant(TS));
    }

    @Test
    void aNestedRecordBecomesANestedRow() {
        Address address =
                Address.newBuilder().setStreet("Main 1").setCity("Utrecht").setPostalCode("3511").setCountry("NL").build();

        RowData row = AvroRowDataConverter.forSpecific(Order.class).toRowData(order(address));

        assertThat(row.getRow(6, 4).getString(1)).isEqualTo(StringData.fromString("Utrecht"));
    }

    @Test
    void aGenericRecordWithRawLogicalValuesConvertsToTheSameRowValues() {
        Schema decimal = LogicalTypes.decimal(10, 3).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema schema =
                new Schema.Parser()
                        .parse(
                                "{\"type\":\"record\",\"name\":\"Raw\",\"fields\":["
                                        + "{\"name\":\"millis\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
                                        + "{\"name\":\"micros\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
                                        + "{\"name\":\"amount\",\"type\":" + decimal + "},"
                                        + "{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\",\"B\"]}},"
                                        + "{\"name\":\"digest\",\"type\":{\"type\":\"fixed\",\"name\":\"D\",\"size\":2}},"
                                        + "{\"name\":\"day\",\"type\":[\"null\",{\"type\":\"int\",\"logicalType\":\"date\"}]},"
                                        + "{\"name\":\"labels\",\"type\":{\"type\":\"map\",\"values\":\"string\"}}]}");
        GenericRecord record = new GenericData.Record(schema);
        record.put("millis", TS.toEpochMilli());
        record.put("micros", -1_500L);
        record.put(
                "amount",
                new Conversions.DecimalConversion()
                        .toBytes(new BigDecimal("-12.345"), decimal, decimal.getLogicalType()));
        record.put("kind", new GenericData.EnumSymbol(schema.getField("kind").schema(), "B"));
        record.put("digest", new GenericData.Fixed(schema.getField("digest").schema(), new byte[] {1, 2}));
        record.put("day", 19_000);
        record.put("labels", Collections.singletonMap(new Utf8("k"), new Utf8("v")));

        RowData row = AvroRowDataConverter.forGeneric(schema).toRowData(record);

        assertThat(row.getTimestamp(0, 3)).isEqualTo(TimestampData.fromInstant(TS));
        assertThat(row.getTimestamp(1, 6).toInstant()).isEqualTo(Instant.EPOCH.minusNanos(1_500_000));
        assertThat(row.getDecimal(2, 10, 3).toBigDecimal()).isEqualByComparingTo("-12.345");
        assertThat(row.getString(3)).isEqualTo(StringData.fromString("B"));
        assertThat(row.getBinary(4)).containsExactly(1, 2);
        assertThat(row.getInt(5)).isEqualTo(19_000);
        assertThat(row.getMap(6).keyArray().getString(0)).isEqualTo(StringData.fromString("k"));
    }

    @Test
    void bytesAreCopiedWithoutMovingTheBuffer() {
        Schema schema =
                new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"b\",\"type\":\"bytes\"}]}");
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {7, 8, 9});
        GenericRecord record = new GenericData.Record(schema);
        record.put("b", buffer);

        RowData row = AvroRowDataConverter.forGeneric(schema).toRowData(record);

        assertThat(row.getBinary(0)).containsExactly(7, 8, 9);
        assertThat(buffer.remaining()).isEqualTo(3);
    }
}
