package dev.streamlake.delta.schema;

import io.delta.kernel.types.StructType;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaTypesTest {

    private static RowType rowType(org.apache.flink.table.api.DataTypes.Field... fields) {
        return (RowType) DataTypes.ROW(fields).notNull().getLogicalType();
    }

    @Test
    void everyColumnTypeMapsToItsDeltaType() {
        RowType type =
                rowType(
                        DataTypes.FIELD("flag", DataTypes.BOOLEAN()),
                        DataTypes.FIELD("tiny", DataTypes.TINYINT()),
                        DataTypes.FIELD("small", DataTypes.SMALLINT()),
                        DataTypes.FIELD("count", DataTypes.INT()),
                        DataTypes.FIELD("big", DataTypes.BIGINT().notNull()),
                        DataTypes.FIELD("ratio", DataTypes.FLOAT()),
                        DataTypes.FIELD("reading", DataTypes.DOUBLE()),
                        DataTypes.FIELD("amount", DataTypes.DECIMAL(38, 6)),
                        DataTypes.FIELD("name", DataTypes.STRING()),
                        DataTypes.FIELD("code", DataTypes.CHAR(3)),
                        DataTypes.FIELD("raw", DataTypes.BYTES()),
                        DataTypes.FIELD("day", DataTypes.DATE()),
                        DataTypes.FIELD("at", DataTypes.TIMESTAMP(6)),
                        DataTypes.FIELD("instant", DataTypes.TIMESTAMP_LTZ(3)),
                        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING().notNull())),
                        DataTypes.FIELD("scores", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.DOUBLE())),
                        DataTypes.FIELD("where", DataTypes.ROW(DataTypes.FIELD("lat", DataTypes.DOUBLE()))));

        StructType struct = DeltaTypes.toStructType(type);

        assertThat(struct.toJson())
                .isEqualTo(
                        "{\"type\":\"struct\",\"fields\":["
                                + "{\"name\":\"flag\",\"type\":\"boolean\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"tiny\",\"type\":\"byte\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"small\",\"type\":\"short\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"count\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"big\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}},"
                                + "{\"name\":\"ratio\",\"type\":\"float\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"reading\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"amount\",\"type\":\"decimal(38,6)\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"code\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"raw\",\"type\":\"binary\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"day\",\"type\":\"date\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"at\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"instant\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":false},\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"scores\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"double\",\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}},"
                                + "{\"name\":\"where\",\"type\":{\"type\":\"struct\",\"fields\":[{\"name\":\"lat\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}"
                                + "]}");
    }

    @Test
    void aTimeOfDayColumnIsRefusedWithItsPath() {
        RowType type =
                rowType(DataTypes.FIELD("shift", DataTypes.ROW(DataTypes.FIELD("starts", DataTypes.TIME()))));

        assertThatThrownBy(() -> DeltaTypes.toStructType(type))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessage("column 'shift.starts' has type TIME(0), which a Delta table cannot store");
    }
}
