package dev.streamlake.delta.table;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.convert.AvroRowDataConverter;
import dev.streamlake.delta.sink.DeltaSinkParts;
import dev.streamlake.delta.sink.DeltaSinkWriter;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.events.Address;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.Order;
import dev.streamlake.events.OrderLine;
import dev.streamlake.events.OrderStatus;
import dev.streamlake.events.PaymentChannel;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Event records go into a Delta table and come back out of Kernel's reader as they went in. */
class AvroEventTablesTest {

    private static final Instant TS = Instant.parse("2024-06-30T23:59:59.999Z");

    @TempDir Path directory;

    private <T extends SpecificRecord> DeltaTableReader writeTable(
            Class<T> type, List<T> records, PartitionColumn... partitions) throws Exception {
        DeltaSinkSettings settings =
                DeltaSinkSettings.builder(directory.toUri().toString()).partitionColumns(partitions).build();
        AvroRowDataConverter<T> converter = AvroRowDataConverter.forSpecific(type);
        TableLayout layout = new TableLayout(converter.rowType(), settings.partitionColumns());
        DeltaSinkWriter<T> writer =
                DeltaSinkParts.writer(
                        converter, layout, settings, 0, UnregisteredMetricsGroup.createSinkWriterMetricGroup());
        for (T record : records) {
            writer.write(record, null);
        }
        new DeltaTable(settings.tablePath(), layout, false, 10).commit("app", 1, -1, writer.prepareCommit());
        writer.close();
        return new DeltaTableReader(directory.toString());
    }

    @Test
    void ordersKeepTheirLinesAddressDatesDecimalsAndAttributes() throws Exception {
        Order order =
                Order.newBuilder()
                        .setOrderId("o-1")
                        .setUserId("u-1")
                        .setStatus(OrderStatus.SHIPPED)
                        .setLines(
                                Arrays.asList(
                                        OrderLine.newBuilder().setSku("s").setProductId("p").setQuantity(3)
                                                .setUnitPrice(new BigDecimal("-0.01")).build()))
                        .setTotal(new BigDecimal("1234567890123456.78"))
                        .setCurrency("EUR")
                        .setShippingAddress(
                                Address.newBuilder().setStreet("Main 1").setCity("Gent").setPostalCode("9000")
                                        .setCountry("BE").build())
                        .setPromisedDeliveryDate(LocalDate.of(2024, 7, 2))
                        .setCouponCode(null)
                        .setGift(false)
                        .setAttributes(Collections.singletonMap("channel", "app"))
                        .setTs(TS)
                        .build();

        List<Map<String, Object>> rows =
                writeTable(Order.class, List.of(order), PartitionColumn.dateOf("order_date", "ts")).readLatest();

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("status")).isEqualTo("SHIPPED");
        assertThat(row.get("lines"))
                .isEqualTo(List.of(Map.of("sku", "s", "product_id", "p", "quantity", 3, "unit_price", new BigDecimal("-0.01"))));
        assertThat(row.get("total")).isEqualTo(new BigDecimal("1234567890123456.78"));
        assertThat(row.get("shipping_address")).isEqualTo(Map.of("street", "Main 1", "city", "Gent", "postal_code", "9000", "country", "BE"));
        assertThat(row.get("promised_delivery_date")).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(row.get("coupon_code")).isNull();
        assertThat(row.get("attributes")).isEqualTo(Map.of("channel", "app"));
        assertThat(row.get("ts")).isEqualTo(TS);
        assertThat(row.get("order_date")).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void cardAuthorisationsKeepBytesEnumsAndNullableNumbers() throws Exception {
        CardAuthorisation authorisation =
                CardAuthorisation.newBuilder()
                        .setAuthorisationId("a-1")
                        .setCardId("c-1")
                        .setCardFingerprint(ByteBuffer.wrap(new byte[] {0, -1, 2}))
                        .setMerchantId("m-1")
                        .setMerchantCategoryCode("5411")
                        .setAmount(new BigDecimal("12.50"))
                        .setCurrency("EUR")
                        .setChannel(PaymentChannel.CONTACTLESS)
                        .setMerchantCountry("NL")
                        .setLatitude(52.1)
                        .setLongitude(null)
                        .setApproved(true)
                        .setResponseCode("00")
                        .setRiskScore(0.25f)
                        .setTs(TS)
                        .build();

        Map<String, Object> row =
                writeTable(CardAuthorisation.class, List.of(authorisation), PartitionColumn.of("merchant_country"))
                        .readLatest()
                        .get(0);

        assertThat((byte[]) row.get("card_fingerprint")).containsExactly(0, -1, 2);
        assertThat(row.get("channel")).isEqualTo("CONTACTLESS");
        assertThat(row.get("latitude")).isEqualTo(52.1);
        assertThat(row.get("longitude")).isNull();
        assertThat(row.get("risk_score")).isEqualTo(0.25f);
        assertThat(row.get("merchant_country")).isEqualTo("NL");
        assertThat(row.get("amount")).isEqualTo(new BigDecimal("12.50"));
    }
}
