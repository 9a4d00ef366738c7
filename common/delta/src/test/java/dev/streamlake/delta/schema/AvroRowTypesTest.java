package dev.streamlake.delta.schema;

import dev.streamlake.events.Alert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.Order;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.VipAction;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroRowTypesTest {

    private static RowType rowTypeOf(String fieldsJson) {
        return AvroRowTypes.toRowType(
                new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fieldsJson + "]}"));
    }

    private static String typeOf(RowType rowType, String field) {
        return rowType.getTypeAt(rowType.getFieldIndex(field)).asSummaryString();
    }

    @Test
    void orderMapsArraysOfRecordsDecimalsNullableRecordsDatesEnumsAndMaps() {
        RowType order = AvroRowTypes.toRowType(Order.getClassSchema());

        assertThat(typeOf(order, "order_id")).isEqualTo("STRING NOT NULL");
        assertThat(typeOf(order, "status")).isEqualTo("STRING NOT NULL");
        assertThat(typeOf(order, "lines"))
                .isEqualTo(
                        "ARRAY<ROW<`sku` STRING NOT NULL, `product_id` STRING NOT NULL, `quantity` INT NOT NULL,"
                                + " `unit_price` DECIMAL(18, 2) NOT NULL> NOT NULL> NOT NULL");
        assertThat(typeOf(order, "total")).isEqualTo("DECIMAL(18, 2) NOT NULL");
        assertThat(typeOf(order, "shipping_address")).startsWith("ROW<`street` STRING NOT NULL").doesNotEndWith("NOT NULL");
        assertThat(typeOf(order, "promised_delivery_date")).isEqualTo("DATE");
        assertThat(typeOf(order, "coupon_code")).isEqualTo("STRING");
        assertThat(typeOf(order, "gift")).isEqualTo("BOOLEAN NOT NULL");
        assertThat(typeOf(order, "attributes")).isEqualTo("MAP<STRING NOT NULL, STRING NOT NULL> NOT NULL");
        assertThat(typeOf(order, "ts")).isEqualTo("TIMESTAMP_LTZ(3) NOT NULL");
    }

    @Test
    void cardAuthorisationMapsBytesNullableNumbersAndEnums() {
        RowType card = AvroRowTypes.toRowType(CardAuthorisation.getClassSchema());

        assertThat(typeOf(card, "card_fingerprint")).isEqualTo("BYTES NOT NULL");
        assertThat(typeOf(card, "channel")).isEqualTo("STRING NOT NULL");
        assertThat(typeOf(card, "latitude")).isEqualTo("DOUBLE");
        assertThat(typeOf(card, "risk_score")).isEqualTo("FLOAT");
        assertThat(typeOf(card, "approved")).isEqualTo("BOOLEAN NOT NULL");
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                SensorReading.class,
                SensorWindowStats.class,
                DeadLetter.class,
                Order.class,
                CardAuthorisation.class,
                Alert.class,
                EnrichedReview.class,
                UserChange.class,
                ClickAction.class,
                VipAction.class
            })
    void everyEventSchemaHasATableSchema(Class<?> eventClass) {
        Schema schema = SpecificData.get().getSchema(eventClass);

        RowType rowType = AvroRowTypes.toRowType(schema);

        assertThat(rowType.getFieldNames())
                .containsExactlyElementsOf(schema.getFields().stream().map(Schema.Field::name)::iterator);
        assertThat(DeltaTypes.toStructType(rowType).fieldNames()).isEqualTo(rowType.getFieldNames());
    }

    @Test
    void timestampsInMicrosAndLocalTimestampsKeepTheirPrecision() {
        RowType type =
                rowTypeOf(
                        "{\"name\":\"micros\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
                                + "{\"name\":\"local\",\"type\":{\"type\":\"long\",\"logicalType\":\"local-timestamp-millis\"}},"
                                + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}},"
                                + "{\"name\":\"price\",\"type\":{\"type\":\"fixed\",\"name\":\"P\",\"size\":16,"
                                + "\"logicalType\":\"decimal\",\"precision\":30,\"scale\":4}}");

        assertThat(typeOf(type, "micros")).isEqualTo("TIMESTAMP_LTZ(6) NOT NULL");
        assertThat(typeOf(type, "local")).isEqualTo("TIMESTAMP(3) NOT NULL");
        assertThat(typeOf(type, "id")).isEqualTo("STRING NOT NULL");
        assertThat(typeOf(type, "price")).isEqualTo("DECIMAL(30, 4) NOT NULL");
    }

    @Test
    void aUnionOfTwoTypesIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> rowTypeOf("{\"name\":\"either\",\"type\":[\"null\",\"int\",\"string\"]}"))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("column 'either'")
                .hasMessageContaining("only a union of null and one type");
    }

    @Test
    void aTimeOfDayIsRefusedNamingTheNestedColumn() {
        assertThatThrownBy(
                        () ->
                                rowTypeOf(
                                        "{\"name\":\"shift\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":["
                                                + "{\"name\":\"starts\",\"type\":{\"type\":\"int\",\"logicalType\":\"time-millis\"}}]}}"))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("column 'shift.starts'")
                .hasMessageContaining("no time-of-day type");
    }

    @Test
    void aRecursiveRecordIsRefused() {
        assertThatThrownBy(
                        () ->
                                AvroRowTypes.toRowType(
                                        new Schema.Parser()
                                                .parse(
                                                        "{\"type\":\"record\",\"name\":\"Node\",\"fields\":["
                                                                + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}")))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("contains itself");
    }

    @Test
    void aSchemaThatIsNoRecordIsRefused() {
        assertThatThrownBy(() -> AvroRowTypes.toRowType(Schema.create(Schema.Type.STRING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an Avro record schema");
    }

    @Test
    void nullableColumnsComeFromUnionsWithNull() {
        LogicalType nullable = rowTypeOf("{\"name\":\"n\",\"type\":[\"null\",\"long\"]}").getTypeAt(0);
        LogicalType required = rowTypeOf("{\"name\":\"n\",\"type\":\"long\"}").getTypeAt(0);

        assertThat(nullable.isNullable()).isTrue();
        assertThat(required.isNullable()).isFalse();
    }
}
