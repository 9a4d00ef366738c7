package dev.streamlake.delta.table;

import dev.streamlake.delta.schema.SchemaMismatchException;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether records of one schema may be appended to a table of another. Columns match by
 * name; types must be equal; a NOT NULL table column cannot take a nullable one. Record columns the
 * table lacks are added to it when schema evolution is on and they are nullable (old files read
 * them as null); anything else is a mismatch naming every difference.
 */
final class SchemaReconciliation {

    private final String tablePath;
    private final List<String> problems = new ArrayList<>();
    private final List<String> additions = new ArrayList<>();

    private SchemaReconciliation(String tablePath) {
        this.tablePath = tablePath;
    }

    /**
     * The table's new schema when columns are to be added, empty when the table already fits the
     * records.
     *
     * @throws SchemaMismatchException when the records cannot be appended
     */
    static Optional<StructType> reconcile(
            String tablePath,
            StructType table,
            Map<String, String> tableProperties,
            StructType records,
            boolean schemaEvolution) {
        SchemaReconciliation reconciliation = new SchemaReconciliation(tablePath);
        reconciliation.compareStructs(table, records, "");
        reconciliation.checkColumnMapping(table, tableProperties, schemaEvolution);
        reconciliation.failOnProblems();
        return reconciliation.additions.isEmpty()
                ? Optional.empty()
                : Optional.of(merge(table, records));
    }

    private void compareStructs(StructType table, StructType records, String prefix) {
        for (StructField tableField : table.fields()) {
            String path = prefix + tableField.getName();
            int index = records.indexOf(tableField.getName());
            if (index < 0) {
                problems.add("column '" + path + "' is in the table but not in the records");
            } else {
                compareFields(tableField, records.at(index), path);
            }
        }
        for (StructField recordField : records.fields()) {
            if (table.indexOf(recordField.getName()) < 0) {
                String path = prefix + recordField.getName();
                if (recordField.isNullable()) {
                    additions.add(path);
                } else {
                    problems.add(
                            "column '"
                                    + path
                                    + "' is not in the table and NOT NULL; only nullable columns can be added");
                }
            }
        }
    }

    private void compareFields(StructField tableField, StructField recordField, String path) {
        DataType tableType = tableField.getDataType();
        DataType recordType = recordField.getDataType();
        if (tableType instanceof StructType && recordType instanceof StructType) {
            compareStructs((StructType) tableType, (StructType) recordType, path + ".");
        } else if (!sameType(tableType, recordType)) {
            problems.add(
                    "column '"
                            + path
                            + "' is "
                            + describe(tableType)
                            + " in the table but "
                            + describe(recordType)
                            + " in the records");
        }
        if (!tableField.isNullable() && recordField.isNullable()) {
            problems.add("column '" + path + "' is NOT NULL in the table but nullable in the records");
        }
    }

    /** Equal types, ignoring field metadata such as column mapping. */
    private static boolean sameType(DataType a, DataType b) {
        if (a instanceof StructType && b instanceof StructType) {
            List<StructField> left = ((StructType) a).fields();
            List<StructField> right = ((StructType) b).fields();
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                StructField l = left.get(i);
                StructField r = right.get(i);
                if (!l.getName().equals(r.getName())
                        || l.isNullable() != r.isNullable()
                        || !sameType(l.getDataType(), r.getDataType())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof ArrayType && b instanceof ArrayType) {
            ArrayType l = (ArrayType) a;
            ArrayType r = (ArrayType) b;
            return l.containsNull() == r.containsNull()
                    && sameType(l.getElementType(), r.getElementType());
        }
        if (a instanceof MapType && b instanceof MapType) {
            MapType l = (MapType) a;
            MapType r = (MapType) b;
            return l.isValueContainsNull() == r.isValueContainsNull()
                    && sameType(l.getKeyType(), r.getKeyType())
                    && sameType(l.getValueType(), r.getValueType());
        }
        return a.equals(b);
    }

    private static String describe(DataType type) {
        if (type instanceof StructType) {
            return "a struct";
        }
        return type.toString();
    }

    private void checkColumnMapping(
            StructType table, Map<String, String> tableProperties, boolean schemaEvolution) {
        String mode = NameColumnMapping.mode(tableProperties);
        if ("id".equals(mode)) {
            problems.add("the table maps columns by id; this sink writes columns by name");
        }
        for (String renamed : NameColumnMapping.renamedColumns(table)) {
            problems.add(
                    "column '"
                            + renamed
                            + "' is stored under another physical name; this sink writes columns by name");
        }
        if (additions.isEmpty()) {
            return;
        }
        if (!schemaEvolution) {
            additions.forEach(
                    path ->
                            problems.add(
                                    "column '" + path + "' is not in the table (schema evolution is off)"));
        } else if (!NameColumnMapping.isEnabled(tableProperties)) {
            problems.add(
                    "adding columns "
                            + additions
                            + " needs a table with column mapping by name ("
                            + NameColumnMapping.MODE_PROPERTY
                            + "=name), as this sink creates with schema evolution on");
        }
    }

    private void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException(tablePath, problems);
        }
    }

    /** The table's fields, with their metadata, followed by the record columns it lacks. */
    private static StructType merge(StructType table, StructType records) {
        List<StructField> fields = new ArrayList<>();
        for (StructField tableField : table.fields()) {
            DataType tableType = tableField.getDataType();
            int index = records.indexOf(tableField.getName());
            DataType recordType = records.at(index).getDataType();
            fields.add(
                    tableType instanceof StructType && recordType instanceof StructType
                            ? tableField.withDataType(merge((StructType) tableType, (StructType) recordType))
                            : tableField);
        }
        for (StructField recordField : records.fields()) {
            if (table.indexOf(recordField.getName()) < 0) {
                fields.add(recordField);
            }
        }
        return new StructType(fields);
    }
}
