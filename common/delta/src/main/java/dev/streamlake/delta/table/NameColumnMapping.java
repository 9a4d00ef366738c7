package dev.streamlake.delta.table;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delta column mapping by name, which Kernel requires before it changes a table's schema. This
 * sink writes Parquet columns under their column names, so it creates such tables with each
 * physical name equal to the column name, and writes only to tables where that holds.
 */
final class NameColumnMapping {

    static final String MODE_PROPERTY = "delta.columnMapping.mode";
    static final String PHYSICAL_NAME = "delta.columnMapping.physicalName";
    static final String COLUMN_ID = "delta.columnMapping.id";

    private NameColumnMapping() {}

    static boolean isEnabled(Map<String, String> tableProperties) {
        return "name".equals(mode(tableProperties));
    }

    /** The mode, as the table properties say; "none" when column mapping is off. */
    static String mode(Map<String, String> tableProperties) {
        return tableProperties.getOrDefault(MODE_PROPERTY, "none");
    }

    /** The schema with ids numbered from 1 and physical names equal to the column names. */
    static StructType assign(StructType schema) {
        return assign(schema, new AtomicLong());
    }

    private static StructType assign(StructType struct, AtomicLong lastId) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : struct.fields()) {
            FieldMetadata metadata =
                    FieldMetadata.builder()
                            .fromMetadata(field.getMetadata())
                            .putLong(COLUMN_ID, lastId.incrementAndGet())
                            .putString(PHYSICAL_NAME, field.getName())
                            .build();
            fields.add(
                    new StructField(
                            field.getName(),
                            assignNested(field.getDataType(), lastId),
                            field.isNullable(),
                            metadata));
        }
        return new StructType(fields);
    }

    private static DataType assignNested(DataType type, AtomicLong lastId) {
        if (type instanceof StructType) {
            return assign((StructType) type, lastId);
        }
        if (type instanceof ArrayType) {
            ArrayType array = (ArrayType) type;
            return new ArrayType(assignNested(array.getElementType(), lastId), array.containsNull());
        }
        if (type instanceof MapType) {
            MapType map = (MapType) type;
            return new MapType(
                    assignNested(map.getKeyType(), lastId),
                    assignNested(map.getValueType(), lastId),
                    map.isValueContainsNull());
        }
        return type;
    }

    /** Columns whose physical name differs from their name, as paths. */
    static List<String> renamedColumns(StructType schema) {
        List<String> renamed = new ArrayList<>();
        collectRenamed(schema, "", renamed);
        return renamed;
    }

    private static void collectRenamed(DataType type, String path, List<String> renamed) {
        if (type instanceof StructType) {
            for (StructField field : ((StructType) type).fields()) {
                String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
                FieldMetadata metadata = field.getMetadata();
                if (metadata.contains(PHYSICAL_NAME)
                        && !field.getName().equals(metadata.getString(PHYSICAL_NAME))) {
                    renamed.add(fieldPath);
                }
                collectRenamed(field.getDataType(), fieldPath, renamed);
            }
        } else if (type instanceof ArrayType) {
            collectRenamed(((ArrayType) type).getElementType(), path + ".element", renamed);
        } else if (type instanceof MapType) {
            collectRenamed(((MapType) type).getKeyType(), path + ".key", renamed);
            collectRenamed(((MapType) type).getValueType(), path + ".value", renamed);
        }
    }
}
