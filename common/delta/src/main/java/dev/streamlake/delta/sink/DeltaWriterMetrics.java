package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/** Records, files and bytes a writer has written, besides Flink's standard sink metrics. */
final class DeltaWriterMetrics {

    private final Counter records;
    private final Counter files;
    private final Counter bytes;
    private final Counter recordsSent;
    private final Counter bytesSent;

    DeltaWriterMetrics(SinkWriterMetricGroup group) {
        this.records = group.counter("deltaRecordsWritten");
        this.files = group.counter("deltaFilesWritten");
        this.bytes = group.counter("deltaBytesWritten");
        this.recordsSent = group.getNumRecordsSendCounter();
        this.bytesSent = group.getNumBytesSendCounter();
    }

    void recordWritten() {
        records.inc();
        recordsSent.inc();
    }

    void fileWritten(DataFile file) {
        files.inc();
        bytes.inc(file.sizeBytes());
        bytesSent.inc(file.sizeBytes());
    }
}
