package dev.streamlake.delta.table;

import dev.streamlake.delta.schema.SchemaMismatchException;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaReconciliationTest {

    private static final Map<String, String> PLAIN = Collections.emptyMap();
    private static final Map<String, String> NAME_MAPPED =
            Collections.singletonMap(NameColumnMapping.MODE_PROPERTY, "name");

    private static final StructType PLACE = new StructType().add("city", StringType.STRING, true);
    private static final StructType TABLE =
            new StructType()
                    .add("id", LongType.LONG, false)
                    .add("name", StringType.STRING, true)
                    .add("place", PLACE, true);

    private static Optional<StructType> reconcile(
            StructType table, Map<String, String> properties, StructType records, boolean evolution) {
        return SchemaReconciliation.reconcile("/t", table, properties, records, evolution);
    }

    @Test
    void equalSchemasNeedNoChange() {
        assertThat(reconcile(TABLE, PLAIN, TABLE, false)).isEmpty();
    }

    @Test
    void aNotNullRecordColumnFitsANullableTableColumn() {
        StructType records =
                new StructType()
                        .add("id", LongType.LONG, false)
                        .add("name", StringType.STRING, false)
                        .add("place", PLACE, true);

        assertThat(reconcile(TABLE, PLAIN, records, false)).isEmpty();
    }

    @Test
    void everyDifferenceIsNamed() {
        StructType records =
                new StructType()
                        .add("id", IntegerType.INTEGER, true)
                        .add("place", new StructType().add("city", LongType.LONG, true), true)
                        .add("extra", StringType.STRING, false);

        assertThatThrownBy(() -> reconcile(TABLE, PLAIN, records, true))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("Delta table /t")
                .hasMessageContaining("column 'id' is long in the table but integer in the records")
                .hasMessageContaining("column 'id' is NOT NULL in the table but nullable in the records")
                .hasMessageContaining("column 'name' is in the table but not in the records")
                .hasMessageContaining("column 'place.city' is string in the table but long in the records")
                .hasMessageContaining("column 'extra' is not in the table and NOT NULL");
    }

    @Test
    void newColumnsAreRefusedWithoutSchemaEvolution() {
        StructType records = TABLE.add("note", StringType.STRING, true);

        assertThatThrownBy(() -> reconcile(TABLE, NAME_MAPPED, records, false))
                .hasMessageContaining("column 'note' is not in the table (schema evolution is off)");
    }

    @Test
    void newColumnsNeedColumnMappingByName() {
        StructType records = TABLE.add("note", StringType.STRING, true);

        assertThatThrownBy(() -> reconcile(TABLE, PLAIN, records, true))
                .hasMessageContaining("adding columns [note] needs a table with column mapping by name");
    }

    @Test
    void newNullableColumnsAreAddedAtTheEndAndInsideStructs() {
        StructType table = NameColumnMapping.assign(TABLE);
        StructType records =
                new StructType()
                        .add("note", StringType.STRING, true)
                        .add("id", LongType.LONG, false)
                        .add("name", StringType.STRING, true)
                        .add("place", PLACE.add("zip", StringType.STRING, true), true);

        StructType evolved = reconcile(table, NAME_MAPPED, records, true).orElseThrow();

        assertThat(evolved.fieldNames()).containsExactly("id", "name", "place", "note");
        assertThat(((StructType) evolved.get("place").getDataType()).fieldNames()).containsExactly("city", "zip");
        assertThat(evolved.get("id").getMetadata()).isEqualTo(table.get("id").getMetadata());
    }

    @Test
    void columnsStoredUnderOtherPhysicalNamesAreRefused() {
        StructType renamed =
                new StructType()
                        .add(
                                "id",
                                LongType.LONG,
                                false,
                                io.delta.kernel.types.FieldMetadata.builder()
                                        .putString(NameColumnMapping.PHYSICAL_NAME, "col-1234")
                                        .putLong(NameColumnMapping.COLUMN_ID, 1)
                                        .build());
        StructType records = new StructType().add("id", LongType.LONG, false);

        assertThatThrownBy(() -> reconcile(renamed, NAME_MAPPED, records, false))
                .hasMessageContaining("column 'id' is stored under another physical name");
    }

    @Test
    void tablesMappingColumnsByIdAreRefused() {
        assertThatThrownBy(
                        () ->
                                reconcile(
                                        TABLE,
                                        Collections.singletonMap(NameColumnMapping.MODE_PROPERTY, "id"),
                                        TABLE,
                                        false))
                .hasMessageContaining("maps columns by id");
    }
}
