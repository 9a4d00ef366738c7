package dev.streamlake.delta.partition;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampType;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionValuesTest {

    @Test
    void valuesHaveTheTextDeltaWrites() {
        assertThat(PartitionValues.toText((int) LocalDate.of(2024, 2, 29).toEpochDay(), DataTypes.DATE().getLogicalType()))
                .isEqualTo("2024-02-29");
        assertThat(PartitionValues.toText(
                        TimestampData.fromInstant(Instant.parse("2024-02-29T08:09:10.123456Z")),
                        DataTypes.TIMESTAMP_LTZ(6).getLogicalType()))
                .isEqualTo("2024-02-29 08:09:10.123456");
        assertThat(PartitionValues.toText(
                        DecimalData.fromBigDecimal(new BigDecimal("1E+3"), 10, 2), DataTypes.DECIMAL(10, 2).getLogicalType()))
                .isEqualTo("1000.00");
        assertThat(PartitionValues.toText(42L, DataTypes.BIGINT().getLogicalType())).isEqualTo("42");
    }

    @Test
    void textTurnsBackIntoTypedValues() {
        assertThat(PartitionValues.toLiteral("2024-02-29", DateType.DATE))
                .isEqualTo(Literal.ofDate((int) LocalDate.of(2024, 2, 29).toEpochDay()));
        assertThat(PartitionValues.toLiteral("2024-02-29 08:09:10.123456", TimestampType.TIMESTAMP))
                .isEqualTo(Literal.ofTimestamp(Instant.parse("2024-02-29T08:09:10.123456Z").toEpochMilli() * 1000 + 456));
        assertThat(PartitionValues.toLiteral("1000.00", new DecimalType(10, 2)))
                .isEqualTo(Literal.ofDecimal(new BigDecimal("1000.00"), 10, 2));
        assertThat(PartitionValues.toLiteral("true", BooleanType.BOOLEAN)).isEqualTo(Literal.ofBoolean(true));
        assertThat(PartitionValues.toLiteral("7", IntegerType.INTEGER)).isEqualTo(Literal.ofInt(7));
        assertThat(PartitionValues.toLiteral("north", StringType.STRING)).isEqualTo(Literal.ofString("north"));
        assertThat(PartitionValues.toLiteral(null, LongType.LONG)).isEqualTo(Literal.ofNull(LongType.LONG));
    }

    @Test
    void directoriesEscapeWhatAPathCannotHold() {
        assertThat(PartitionPaths.directoryOf(Arrays.asList("day", "site"), Arrays.asList("2024-01-01", "a/b:c=d")))
                .isEqualTo("day=2024-01-01/site=a%2Fb%3Ac%3Dd/");
        assertThat(PartitionPaths.directoryOf(Arrays.asList("site"), Arrays.asList((String) null)))
                .isEqualTo("site=__HIVE_DEFAULT_PARTITION__/");
        assertThat(PartitionPaths.directoryOf(Arrays.asList(), Arrays.asList())).isEmpty();
    }
}
