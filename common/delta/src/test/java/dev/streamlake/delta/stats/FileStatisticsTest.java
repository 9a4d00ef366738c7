package dev.streamlake.delta.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlake.delta.schema.DeltaTypes;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileStatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowType TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT()),
                                    DataTypes.FIELD("name", DataTypes.STRING()),
                                    DataTypes.FIELD("reading", DataTypes.DOUBLE()),
                                    DataTypes.FIELD("amount", DataTypes.DECIMAL(10, 2)),
                                    DataTypes.FIELD("at", DataTypes.TIMESTAMP_LTZ(3)),
                                    DataTypes.FIELD("day", DataTypes.DATE()),
                                    DataTypes.FIELD("flag", DataTypes.BOOLEAN()),
                                    DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
                                    DataTypes.FIELD(
                                            "place",
                                            DataTypes.ROW(
                                                    DataTypes.FIELD("city", DataTypes.STRING()),
                                                    DataTypes.FIELD("floor", DataTypes.INT()))))
                            .notNull()
                            .getLogicalType();

    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8};

    private static GenericRowData row(
            Long id, String name, Double reading, String amount, String at, Integer day, GenericRowData place) {
        return GenericRowData.of(
                id,
                name == null ? null : StringData.fromString(name),
                reading,
                amount == null ? null : DecimalData.fromBigDecimal(new BigDecimal(amount), 10, 2),
                at == null ? null : TimestampData.fromInstant(Instant.parse(at)),
                day,
                true,
                id == null ? null : new GenericArrayData(new Object[] {StringData.fromString("t")}),
                place);
    }

    private static JsonNode statisticsOf(FileStatistics statistics) throws Exception {
        return JSON.readTree(statistics.toStatistics().serializeAsJson(DeltaTypes.toStructType(TYPE)));
    }

    @Test
    void minimaMaximaAndNullCountsCoverEveryRecord() throws Exception {
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(7L, "pear", 2.5, "10.50", "2024-01-02T00:00:00.001Z", 19_700, GenericRowData.of(StringData.fromString("Oslo"), 3)));
        statistics.add(row(-3L, "apple", -1.0, "-2.00", "2024-01-01T10:00:00Z", 19_701, null));
        statistics.add(row(null, null, null, null, null, null, GenericRowData.of(null, 9)));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.get("numRecords").asLong()).isEqualTo(3);
        assertThat(json.at("/minValues/id").asLong()).isEqualTo(-3);
        assertThat(json.at("/maxValues/id").asLong()).isEqualTo(7);
        assertThat(json.at("/minValues/name").asText()).isEqualTo("apple");
        assertThat(json.at("/maxValues/name").asText()).isEqualTo("pear");
        assertThat(json.at("/minValues/reading").asDouble()).isEqualTo(-1.0);
        assertThat(json.at("/maxValues/amount").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(json.at("/minValues/at").asText()).isEqualTo("2024-01-01T10:00:00.000Z");
        assertThat(json.at("/maxValues/at").asText()).isEqualTo("2024-01-02T00:00:00.001Z");
        assertThat(json.at("/minValues/day").asText()).isEqualTo("2023-12-09");
        assertThat(json.at("/minValues/place/floor").asInt()).isEqualTo(3);
        assertThat(json.at("/maxValues/place/floor").asInt()).isEqualTo(9);
        assertThat(json.at("/nullCount/id").asLong()).isEqualTo(1);
        assertThat(json.at("/nullCount/tags").asLong()).isEqualTo(1);
        assertThat(json.at("/nullCount/flag").asLong()).isZero();
        assertThat(json.at("/nullCount/place/city").asLong())
                .as("a field of a null struct counts as null")
                .isEqualTo(2);
        assertThat(json.at("/nullCount/place/floor").asLong()).isEqualTo(1);
    }

    @Test
    void booleansBinariesAndArraysHaveNoBounds() throws Exception {
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(1L, "a", 1.0, "1.00", "2024-01-01T00:00:00Z", 1, null));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.at("/minValues").has("flag")).isFalse();
        assertThat(json.at("/minValues").has("tags")).isFalse();
        assertThat(json.at("/maxValues").has("flag")).isFalse();
    }

    @Test
    void aColumnWithOnlyNullsHasNoBounds() throws Exception {
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(null, null, null, null, null, null, null));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.at("/minValues").has("id")).isFalse();
        assertThat(json.at("/nullCount/id").asLong()).isEqualTo(1);
    }

    @Test
    void aNaNLeavesTheBoundsOfItsColumnUnknown() throws Exception {
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(1L, "a", Double.NaN, "1.00", "2024-01-01T00:00:00Z", 1, null));
        statistics.add(row(2L, "b", 4.0, "1.00", "2024-01-01T00:00:00Z", 1, null));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.at("/minValues").has("reading")).isFalse();
        assertThat(json.at("/maxValues").has("reading")).isFalse();
        assertThat(json.at("/maxValues/id").asLong()).isEqualTo(2);
    }

    @Test
    void longStringsAreBoundedByAPrefixBelowAndNotAtAllAbove() throws Exception {
        String longer = "x".repeat(40);
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(1L, longer, 1.0, "1.00", "2024-01-01T00:00:00Z", 1, null));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.at("/minValues/name").asText()).isEqualTo("x".repeat(StatisticsLiterals.STRING_PREFIX_LENGTH));
        assertThat(json.at("/maxValues").has("name")).isFalse();
    }

    @Test
    void stringsCompareByTheirUtf8BytesAsDeltaReadersDo() throws Exception {
        // U+FF21 sorts below U+1F600 in UTF-8 and code points, above it in Java's UTF-16 order.
        FileStatistics statistics = new FileStatistics(TYPE, ALL);
        statistics.add(row(1L, "\uFF21", 1.0, "1.00", "2024-01-01T00:00:00Z", 1, null));
        statistics.add(row(2L, "\uD83D\uDE00", 1.0, "1.00", "2024-01-01T00:00:00Z", 1, null));

        JsonNode json = statisticsOf(statistics);

        assertThat(json.at("/minValues/name").asText()).isEqualTo("\uFF21");
        assertThat(json.at("/maxValues/name").asText()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void onlyTheDataColumnsAtTheGivenPositionsAreCounted() throws Exception {
        RowType idOnly = (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT())).notNull().getLogicalType();
        FileStatistics statistics = new FileStatistics(idOnly, new int[] {2});
        statistics.add(GenericRowData.of("ignored", 5, 11L));

        JsonNode json = JSON.readTree(statistics.toStatistics().serializeAsJson(DeltaTypes.toStructType(idOnly)));

        assertThat(json.at("/minValues/id").asLong()).isEqualTo(11);
    }
}
