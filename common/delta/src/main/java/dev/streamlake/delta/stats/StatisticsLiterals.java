package dev.streamlake.delta.stats;

import dev.streamlake.delta.schema.DeltaTimestamps;
import io.delta.kernel.expressions.Literal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Minimum and maximum values as Delta literals. Strings are bounded by a prefix, as Spark does:
 * the first 32 characters are a lower bound; a longer maximum has no short upper bound, so none
 * is written and readers treat the maximum as unknown.
 */
final class StatisticsLiterals {

    static final int STRING_PREFIX_LENGTH = 32;

    private static final Set<LogicalTypeRoot> BOUNDED =
            EnumSet.of(
                    LogicalTypeRoot.TINYINT,
                    LogicalTypeRoot.SMALLINT,
                    LogicalTypeRoot.INTEGER,
                    LogicalTypeRoot.BIGINT,
                    LogicalTypeRoot.FLOAT,
                    LogicalTypeRoot.DOUBLE,
                    LogicalTypeRoot.DECIMAL,
                    LogicalTypeRoot.DATE,
                    LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                    LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                    LogicalTypeRoot.CHAR,
                    LogicalTypeRoot.VARCHAR);

    private StatisticsLiterals() {}

    /** Whether Delta readers use minimum and maximum of this type (as Kernel's data skipping). */
    static boolean hasBounds(LogicalType type) {
        return BOUNDED.contains(type.getTypeRoot());
    }

    static Literal lowerBound(Object min, LogicalType type) {
        if (isString(type)) {
            String text = min.toString();
            int length = Math.min(STRING_PREFIX_LENGTH, text.codePointCount(0, text.length()));
            return Literal.ofString(text.substring(0, text.offsetByCodePoints(0, length)));
        }
        return literal(min, type);
    }

    static Optional<Literal> upperBound(Object max, LogicalType type) {
        if (isString(type)) {
            String text = max.toString();
            return text.codePointCount(0, text.length()) > STRING_PREFIX_LENGTH
                    ? Optional.empty()
                    : Optional.of(Literal.ofString(text));
        }
        return Optional.of(literal(max, type));
    }

    private static boolean isString(LogicalType type) {
        return type.getTypeRoot() == LogicalTypeRoot.CHAR
                || type.getTypeRoot() == LogicalTypeRoot.VARCHAR;
    }

    private static Literal literal(Object value, LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return Literal.ofByte((Byte) value);
            case SMALLINT:
                return Literal.ofShort((Short) value);
            case INTEGER:
                return Literal.ofInt((Integer) value);
            case BIGINT:
                return Literal.ofLong((Long) value);
            case FLOAT:
                return Literal.ofFloat((Float) value);
            case DOUBLE:
                return Literal.ofDouble((Double) value);
            case DATE:
                return Literal.ofDate((Integer) value);
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                return Literal.ofDecimal(
                        ((DecimalData) value).toBigDecimal(),
                        decimal.getPrecision(),
                        decimal.getScale());
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Literal.ofTimestamp(DeltaTimestamps.epochMicros((TimestampData) value));
            default:
                throw new IllegalArgumentException("no bounds for " + type.asSummaryString());
        }
    }
}
