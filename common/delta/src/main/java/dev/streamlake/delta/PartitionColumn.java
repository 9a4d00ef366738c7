package dev.streamlake.delta;

import dev.streamlake.delta.partition.BoundPartitionColumn;
import dev.streamlake.delta.partition.PartitionValueFunction;
import dev.streamlake.delta.schema.UnsupportedColumnTypeException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition column of the table: a column of the record, or a value derived from the record
 * (such as the UTC date of its event time) that becomes an extra column of the table.
 *
 * <p>In configuration a partition column is written {@code site} (a column of the record) or
 * {@code event_date=date(ts)} (the UTC date of the timestamp column {@code ts}).
 */
public abstract class PartitionColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern DATE_OF = Pattern.compile("(\\w+)\\s*=\\s*date\\(\\s*(\\w+)\\s*\\)");
    private static final Pattern COLUMN = Pattern.compile("\\w+");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Types whose values read well in a directory name and compare as their text does. */
    private static final Set<LogicalTypeRoot> PARTITION_TYPES =
            EnumSet.of(
                    LogicalTypeRoot.CHAR,
                    LogicalTypeRoot.VARCHAR,
                    LogicalTypeRoot.BOOLEAN,
                    LogicalTypeRoot.TINYINT,
                    LogicalTypeRoot.SMALLINT,
                    LogicalTypeRoot.INTEGER,
                    LogicalTypeRoot.BIGINT,
                    LogicalTypeRoot.DECIMAL,
                    LogicalTypeRoot.DATE,
                    LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                    LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private final String name;

    private PartitionColumn(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Partitions by a top-level column of the record. */
    public static PartitionColumn of(String column) {
        return new RecordColumn(column);
    }

    /** Partitions by the UTC date of a timestamp column, kept in a new date column {@code name}. */
    public static PartitionColumn dateOf(String name, String timestampColumn) {
        return new DateOf(name, timestampColumn);
    }

    /**
     * Partitions by a value computed from the record, kept in a new column {@code name} of the
     * given type; the function returns Flink's internal value of that type (StringData, Integer
     * days for DATE, TimestampData, ...).
     */
    public static PartitionColumn derived(
            String name, LogicalType type, PartitionValueFunction function) {
        return new Derived(name, type, function);
    }

    /** Reads the configuration form: {@code column} or {@code name=date(timestamp_column)}. */
    public static PartitionColumn parse(String spec) {
        String trimmed = spec.trim();
        Matcher dateOf = DATE_OF.matcher(trimmed);
        if (dateOf.matches()) {
            return dateOf(dateOf.group(1), dateOf.group(2));
        }
        if (COLUMN.matcher(trimmed).matches()) {
            return of(trimmed);
        }
        throw new IllegalArgumentException(
                "partition column '"
                        + spec
                        + "' is neither a column name nor of the form name=date(timestamp_column)");
    }

    /** Resolves this column against the record type; fails with the column's name if it can't. */
    public abstract BoundPartitionColumn bind(RowType recordType);

    @Override
    public String toString() {
        return name;
    }

    private static void requirePartitionType(String column, LogicalType type) {
        if (!PARTITION_TYPES.contains(type.getTypeRoot())) {
            throw new UnsupportedColumnTypeException(
                    column, "type " + type.asSummaryString() + " cannot be a partition column");
        }
    }

    private static int fieldIndex(RowType recordType, String column, String role) {
        int index = recordType.getFieldIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException(
                    role
                            + " '"
                            + column
                            + "' is not a column of the record; columns are "
                            + recordType.getFieldNames());
        }
        return index;
    }

    private static final class RecordColumn extends PartitionColumn {
        private static final long serialVersionUID = 1L;

        RecordColumn(String name) {
            super(name);
        }

        @Override
        public BoundPartitionColumn bind(RowType recordType) {
            int index = fieldIndex(recordType, name(), "partition column");
            LogicalType type = recordType.getTypeAt(index);
            requirePartitionType(name(), type);
            RowData.FieldGetter getter = RowData.createFieldGetter(type, index);
            return new BoundPartitionColumn(name(), type, false, getter::getFieldOrNull);
        }
    }

    private static final class DateOf extends PartitionColumn {
        private static final long serialVersionUID = 1L;

        private final String timestampColumn;

        DateOf(String name, String timestampColumn) {
            super(name);
            this.timestampColumn = timestampColumn;
        }

        @Override
        public BoundPartitionColumn bind(RowType recordType) {
            int index = fieldIndex(recordType, timestampColumn, "timestamp column");
            LogicalType source = recordType.getTypeAt(index);
            LogicalTypeRoot root = source.getTypeRoot();
            if (root != LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                    && root != LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                throw new IllegalArgumentException(
                        "partition column '"
                                + name()
                                + "' takes the date of '"
                                + timestampColumn
                                + "', which is "
                                + source.asSummaryString()
                                + ", not a timestamp");
            }
            RowData.FieldGetter getter = RowData.createFieldGetter(source, index);
            PartitionValueFunction utcDate =
                    row -> {
                        TimestampData ts = (TimestampData) getter.getFieldOrNull(row);
                        return ts == null
                                ? null
                                : (int) Math.floorDiv(ts.getMillisecond(), MILLIS_PER_DAY);
                    };
            return new BoundPartitionColumn(
                    name(), new DateType(source.isNullable()), true, utcDate);
        }
    }

    private static final class Derived extends PartitionColumn {
        private static final long serialVersionUID = 1L;

        private final LogicalType type;
        private final PartitionValueFunction function;

        Derived(String name, LogicalType type, PartitionValueFunction function) {
            super(name);
            this.type = type;
            this.function = function;
        }

        @Override
        public BoundPartitionColumn bind(RowType recordType) {
            requirePartitionType(name(), type);
            return new BoundPartitionColumn(name(), type, true, function);
        }
    }
}
