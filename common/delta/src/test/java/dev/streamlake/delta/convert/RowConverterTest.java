package dev.streamlake.delta.convert;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class RowConverterTest {

    private static final RowType TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("name", DataTypes.STRING()),
                                    DataTypes.FIELD("amount", DataTypes.DECIMAL(10, 2)),
                                    DataTypes.FIELD("day", DataTypes.DATE()),
                                    DataTypes.FIELD("local", DataTypes.TIMESTAMP(3)),
                                    DataTypes.FIELD("instant", DataTypes.TIMESTAMP_LTZ(3)),
                                    DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
                                    DataTypes.FIELD("scores", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT())),
                                    DataTypes.FIELD("inner", DataTypes.ROW(DataTypes.FIELD("n", DataTypes.BIGINT()))))
                            .getLogicalType();

    @Test
    void javaValuesBecomeInternalValues() {
        Instant instant = Instant.parse("2024-05-05T05:05:05.500Z");
        Row row =
                Row.of(
                        "x",
                        new BigDecimal("12.30"),
                        LocalDate.of(2024, 5, 5),
                        LocalDateTime.of(2024, 5, 5, 5, 5),
                        instant,
                        new String[] {"a", null},
                        Collections.singletonMap("k", 3),
                        Row.of(42L));

        RowData converted = new RowConverter(TYPE).toRowData(row);

        assertThat(converted.getString(0)).isEqualTo(StringData.fromString("x"));
        assertThat(converted.getDecimal(1, 10, 2).toBigDecimal()).isEqualByComparingTo("12.30");
        assertThat(converted.getInt(2)).isEqualTo((int) LocalDate.of(2024, 5, 5).toEpochDay());
        assertThat(converted.getTimestamp(3, 3)).isEqualTo(TimestampData.fromLocalDateTime(LocalDateTime.of(2024, 5, 5, 5, 5)));
        assertThat(converted.getTimestamp(4, 3)).isEqualTo(TimestampData.fromInstant(instant));
        assertThat(converted.getArray(5).getString(0)).isEqualTo(StringData.fromString("a"));
        assertThat(converted.getArray(5).isNullAt(1)).isTrue();
        assertThat(converted.getMap(6).valueArray().getInt(0)).isEqualTo(3);
        assertThat(converted.getRow(7, 1).getLong(0)).isEqualTo(42L);
    }

    @Test
    void listsAndNullsAreAcceptedToo() {
        Row row = Row.of(null, null, null, null, null, Arrays.asList("a", "b"), null, null);

        RowData converted = new RowConverter(TYPE).toRowData(row);

        assertThat(converted.isNullAt(0)).isTrue();
        assertThat(converted.getArray(5).size()).isEqualTo(2);
        assertThat(converted.isNullAt(7)).isTrue();
    }
}
