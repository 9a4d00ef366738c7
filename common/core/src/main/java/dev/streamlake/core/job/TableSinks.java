package dev.streamlake.core.job;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where a job's tables are written instead of Delta, e.g. nowhere for the benchmark, which
 * measures the job's own topology and not the writing ({@link JobAssembly#replacingTables}).
 */
public interface TableSinks {

    <T extends SpecificRecord> Sink<T> sinkFor(Table<T> table);
}
