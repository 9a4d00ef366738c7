package dev.streamlake.delta;

import dev.streamlake.delta.fs.FlinkFileIO;
import dev.streamlake.delta.kernel.InMemoryIterator;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Delta table back with Delta Kernel's own reader, as any Kernel-based engine would, into
 * plain Java values: structs as maps, arrays as lists, dates as LocalDate, timestamps as Instant.
 */
public final class DeltaTableReader {

    private final Engine engine = DefaultEngine.create(new FlinkFileIO());
    private final String tablePath;

    public DeltaTableReader(String tablePath) {
        this.tablePath = tablePath;
    }

    public Snapshot latestSnapshot() {
        return Table.forPath(engine, tablePath).getLatestSnapshot(engine);
    }

    public Snapshot snapshotAt(long version) {
        return Table.forPath(engine, tablePath).getSnapshotAsOfVersion(engine, version);
    }

    public long latestVersion() {
        return latestSnapshot().getVersion();
    }

    public List<Map<String, Object>> readLatest() {
        return read(latestSnapshot());
    }

    public List<Map<String, Object>> readVersion(long version) {
        return read(snapshotAt(version));
    }

    public Optional<Long> transactionVersion(String applicationId) {
        return latestSnapshot().getLatestTransactionVersion(engine, applicationId);
    }

    /** The data files of a snapshot, as its add actions give them. */
    public List<FileStatus> dataFiles(Snapshot snapshot) {
        List<FileStatus> dataFiles = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> scanFiles =
                snapshot.getScanBuilder().build().getScanFiles(engine)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
                    files.forEachRemaining(file -> dataFiles.add(InternalScanFileUtils.getAddFileStatus(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataFiles;
    }

    public List<Map<String, Object>> read(Snapshot snapshot) {
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
                    while (files.hasNext()) {
                        readFile(scanState, files.next(), physicalSchema, rows);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private void readFile(
            Row scanState, Row scanFile, StructType physicalSchema, List<Map<String, Object>> rows)
            throws IOException {
        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
        CloseableIterator<ColumnarBatch> physical =
                engine.getParquetHandler()
                        .readParquetFiles(singleton(file), physicalSchema, Optional.empty())
                        .map(FileReadResult::getData);
        try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
            while (logical.hasNext()) {
                FilteredColumnarBatch batch = logical.next();
                ColumnarBatch data = batch.getData();
                Optional<ColumnVector> selection = batch.getSelectionVector();
                for (int row = 0; row < data.getSize(); row++) {
                    if (selection.isPresent()
                            && (selection.get().isNullAt(row) || !selection.get().getBoolean(row))) {
                        continue;
                    }
                    rows.add(rowOf(data, row));
                }
            }
        }
    }

    private static CloseableIterator<FileStatus> singleton(FileStatus file) {
        return new InMemoryIterator<>(Collections.singletonList(file).iterator());
    }

    private static Map<String, Object> rowOf(ColumnarBatch batch, int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<StructField> fields = batch.getSchema().fields();
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i).getName(), valueOf(batch.getColumnVector(i), row));
        }
        return values;
    }

    private static Object valueOf(ColumnVector vector, int row) {
        if (vector.isNullAt(row)) {
            return null;
        }
        DataType type = vector.getDataType();
        if (type instanceof BooleanType) {
            return vector.getBoolean(row);
        } else if (type instanceof ByteType) {
            return vector.getByte(row);
        } else if (type instanceof ShortType) {
            return vector.getShort(row);
        } else if (type instanceof IntegerType) {
            return vector.getInt(row);
        } else if (type instanceof LongType) {
            return vector.getLong(row);
        } else if (type instanceof FloatType) {
            return vector.getFloat(row);
        } else if (type instanceof DoubleType) {
            return vector.getDouble(row);
        } else if (type instanceof StringType) {
            return vector.getString(row);
        } else if (type instanceof BinaryType) {
            return vector.getBinary(row);
        } else if (type instanceof DecimalType) {
            return vector.getDecimal(row);
        } else if (type instanceof DateType) {
            return LocalDate.ofEpochDay(vector.getInt(row));
        } else if (type instanceof TimestampType) {
            long micros = vector.getLong(row);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        } else if (type instanceof StructType) {
            Map<String, Object> struct = new LinkedHashMap<>();
            List<StructField> fields = ((StructType) type).fields();
            for (int i = 0; i < fields.size(); i++) {
                struct.put(fields.get(i).getName(), valueOf(vector.getChild(i), row));
            }
            return struct;
        } else if (type instanceof ArrayType) {
            ArrayValue array = vector.getArray(row);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.getSize(); i++) {
                items.add(valueOf(array.getElements(), i));
            }
            return items;
        } else if (type instanceof MapType) {
            MapValue map = vector.getMap(row);
            Map<Object, Object> entries = new HashMap<>();
            for (int i = 0; i < map.getSize(); i++) {
                entries.put(valueOf(map.getKeys(), i), valueOf(map.getValues(), i));
            }
            return entries;
        }
        throw new IllegalArgumentException("no test conversion for " + type);
    }
}
