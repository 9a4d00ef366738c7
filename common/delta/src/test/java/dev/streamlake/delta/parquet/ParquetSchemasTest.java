package dev.streamlake.delta.parquet;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParquetSchemasTest {

    @Test
    void columnsHaveTheParquetLayoutDeltaReadersExpect() {
        RowType type =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                                        DataTypes.FIELD("small", DataTypes.SMALLINT()),
                                        DataTypes.FIELD("name", DataTypes.STRING()),
                                        DataTypes.FIELD("at", DataTypes.TIMESTAMP_LTZ(3)),
                                        DataTypes.FIELD("day", DataTypes.DATE()),
                                        DataTypes.FIELD("price", DataTypes.DECIMAL(9, 2)),
                                        DataTypes.FIELD("total", DataTypes.DECIMAL(18, 2)),
                                        DataTypes.FIELD("huge", DataTypes.DECIMAL(38, 0)),
                                        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
                                        DataTypes.FIELD("attrs", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT().notNull())),
                                        DataTypes.FIELD("place", DataTypes.ROW(DataTypes.FIELD("city", DataTypes.STRING()))))
                                .notNull()
                                .getLogicalType();

        MessageType schema = ParquetSchemas.toMessageType(type);

        assertThat(schema)
                .isEqualTo(
                        MessageTypeParser.parseMessageType(
                                "message delta {"
                                        + " required int64 id;"
                                        + " optional int32 small (INTEGER(16,true));"
                                        + " optional binary name (STRING);"
                                        + " optional int64 at (TIMESTAMP(MICROS,true));"
                                        + " optional int32 day (DATE);"
                                        + " optional int32 price (DECIMAL(9,2));"
                                        + " optional int64 total (DECIMAL(18,2));"
                                        + " optional fixed_len_byte_array(16) huge (DECIMAL(38,0));"
                                        + " optional group tags (LIST) { repeated group list { optional binary element (STRING); } }"
                                        + " optional group attrs (MAP) { repeated group key_value {"
                                        + "   required binary key (STRING); required int32 value; } }"
                                        + " optional group place { optional binary city (STRING); }"
                                        + "}"));
    }

    @Test
    void decimalsTakeTheFewestBytesTheirPrecisionNeeds() {
        assertThat(ParquetSchemas.decimalBytes(19)).isEqualTo(9);
        assertThat(ParquetSchemas.decimalBytes(28)).isEqualTo(12);
        assertThat(ParquetSchemas.decimalBytes(38)).isEqualTo(16);
    }
}
