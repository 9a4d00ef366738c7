package dev.streamlake.delta.testing;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic rows of a type with every kind of column the event schemas use, and the values a
 * Delta reader should return for them. Row i falls on day i % 3 of January 2024 and has a null
 * location every fourth row.
 */
public final class SampleRows {

    public static final RowType TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("site", DataTypes.STRING().notNull()),
                                    DataTypes.FIELD("ts", DataTypes.TIMESTAMP_LTZ(3).notNull()),
                                    DataTypes.FIELD("reading", DataTypes.DOUBLE().notNull()),
                                    DataTypes.FIELD("amount", DataTypes.DECIMAL(18, 2)),
                                    DataTypes.FIELD("tags", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.STRING())),
                                    DataTypes.FIELD("samples", DataTypes.ARRAY(DataTypes.INT().notNull())),
                                    DataTypes.FIELD(
                                            "location",
                                            DataTypes.ROW(
                                                    DataTypes.FIELD("lat", DataTypes.DOUBLE().notNull()),
                                                    DataTypes.FIELD("lon", DataTypes.DOUBLE().notNull()))),
                                    DataTypes.FIELD("day", DataTypes.DATE()))
                            .notNull()
                            .getLogicalType();

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] SITES = {"north", "south", "east"};

    private SampleRows() {}

    public static Instant timestamp(long id) {
        return START.plusSeconds((id % 3) * 86_400 + id);
    }

    public static RowData row(long id) {
        GenericRowData row = new GenericRowData(TYPE.getFieldCount());
        row.setField(0, id);
        row.setField(1, StringData.fromString(SITES[(int) (id % SITES.length)]));
        row.setField(2, TimestampData.fromInstant(timestamp(id)));
        row.setField(3, id * 0.5);
        row.setField(4, DecimalData.fromBigDecimal(amount(id), 18, 2));
        Map<StringData, StringData> tags = new HashMap<>();
        tags.put(StringData.fromString("parity"), StringData.fromString(id % 2 == 0 ? "even" : "odd"));
        row.setField(5, new GenericMapData(tags));
        row.setField(6, new GenericArrayData(new int[] {(int) id, (int) id + 1}));
        row.setField(7, id % 4 == 0 ? null : GenericRowData.of(52.0 + id / 1000.0, 4.0 - id / 1000.0));
        row.setField(8, (int) LocalDate.of(2024, 1, 1).plusDays(id % 3).toEpochDay());
        return row;
    }

    private static BigDecimal amount(long id) {
        return BigDecimal.valueOf(id * 101, 2);
    }

    /** What a Delta reader returns for {@link #row}, in the table's column order. */
    public static Map<String, Object> expected(long id) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("site", SITES[(int) (id % SITES.length)]);
        values.put("ts", timestamp(id));
        values.put("reading", id * 0.5);
        values.put("amount", amount(id));
        values.put("tags", Collections.singletonMap("parity", id % 2 == 0 ? "even" : "odd"));
        values.put("samples", Arrays.asList((int) id, (int) id + 1));
        if (id % 4 == 0) {
            values.put("location", null);
        } else {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("lat", 52.0 + id / 1000.0);
            location.put("lon", 4.0 - id / 1000.0);
            values.put("location", location);
        }
        values.put("day", LocalDate.of(2024, 1, 1).plusDays(id % 3));
        return values;
    }

    /** The UTC date of the row's timestamp, the value of a date partition over "ts". */
    public static LocalDate eventDate(long id) {
        return timestamp(id).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static List<Long> ids(long from, long to) {
        Long[] ids = new Long[(int) (to - from)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = from + i;
        }
        return Arrays.asList(ids);
    }
}
