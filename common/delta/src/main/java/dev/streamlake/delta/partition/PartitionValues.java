package dev.streamlake.delta.partition;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampType;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Partition values as text, the way Delta writes them in the log: dates {@code 2024-01-31},
 * timestamps {@code 2024-01-31 10:00:00.000000} in UTC, decimals in plain notation. The writers
 * send this text to the committer, which turns it back into typed values for the log.
 */
public final class PartitionValues {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private PartitionValues() {}

    /** The text of a non-null internal value of a partition column type. */
    public static String toText(Object internal, LogicalType type) {
        switch (type.getTypeRoot()) {
            case DATE:
                return LocalDate.ofEpochDay((Integer) internal).toString();
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return ((TimestampData) internal).toLocalDateTime().format(TIMESTAMP);
            case DECIMAL:
                return ((DecimalData) internal).toBigDecimal().toPlainString();
            default:
                return internal.toString();
        }
    }

    /** The typed value of a partition value text, for a column of the table's Delta type. */
    public static Literal toLiteral(String text, DataType type) {
        if (text == null) {
            return Literal.ofNull(type);
        }
        if (type instanceof StringType) {
            return Literal.ofString(text);
        }
        if (type instanceof BooleanType) {
            return Literal.ofBoolean(Boolean.parseBoolean(text));
        }
        if (type instanceof ByteType) {
            return Literal.ofByte(Byte.parseByte(text));
        }
        if (type instanceof ShortType) {
            return Literal.ofShort(Short.parseShort(text));
        }
        if (type instanceof IntegerType) {
            return Literal.ofInt(Integer.parseInt(text));
        }
        if (type instanceof LongType) {
            return Literal.ofLong(Long.parseLong(text));
        }
        if (type instanceof DateType) {
            return Literal.ofDate((int) LocalDate.parse(text).toEpochDay());
        }
        if (type instanceof TimestampType) {
            LocalDateTime time = LocalDateTime.parse(text, TIMESTAMP);
            return Literal.ofTimestamp(ChronoUnit.MICROS.between(EPOCH, time));
        }
        if (type instanceof DecimalType) {
            DecimalType decimal = (DecimalType) type;
            return Literal.ofDecimal(
                    new BigDecimal(text), decimal.getPrecision(), decimal.getScale());
        }
        throw new IllegalArgumentException("partition columns of type " + type + " are not written");
    }
}
