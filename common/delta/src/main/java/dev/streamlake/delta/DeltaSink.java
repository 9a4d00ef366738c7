package dev.streamlake.delta;

import dev.streamlake.delta.convert.AvroRowDataConverter;
import dev.streamlake.delta.convert.RowConverter;
import dev.streamlake.delta.convert.RowDataConverter;
import dev.streamlake.delta.convert.RowDataPassThrough;
import dev.streamlake.delta.sink.CommitBundle;
import dev.streamlake.delta.sink.CommitBundleSerializer;
import dev.streamlake.delta.sink.CommitBundler;
import dev.streamlake.delta.sink.DataFileSerializer;
import dev.streamlake.delta.sink.DeltaSinkParts;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

import java.io.IOException;

/**
 * An exactly-once Delta Lake sink. Parallel writers write Parquet files with statistics; all files
 * of a checkpoint are gathered into one bundle, which a single committer appends to the table in
 * one Delta transaction once the checkpoint completes. The table is created, empty, when the job
 * starts if it is absent; {@link DeltaTables#createIfAbsent} does the same before a job is
 * submitted.
 *
 * <pre>{@code
 * DeltaSinkSettings settings = DeltaSinkSettings.builder("s3://lake/stats")
 *         .partitionColumns(PartitionColumn.dateOf("window_date", "window_start")).build();
 * stats.sinkTo(DeltaSink.forAvro(SensorWindowStats.class, settings))
 *         .uid("stats-delta-sink").name("Delta: stats");
 * }</pre>
 *
 * <p>The sink needs a uid. Only one job may write to a table: Delta's log on object stores has
 * no put-if-absent, and it is the single committer that keeps commits safe.
 */
public final class DeltaSink<IN>
        implements Sink<IN>,
                SupportsCommitter<CommitBundle>,
                SupportsPreCommitTopology<DataFile, CommitBundle> {

    private static final long serialVersionUID = 1L;

    private final RowDataConverter<IN> converter;
    private final DeltaSinkSettings settings;
    private final TableLayout layout;

    private DeltaSink(RowDataConverter<IN> converter, DeltaSinkSettings settings) {
        this.converter = converter;
        this.settings = settings;
        this.layout = new TableLayout(converter.rowType(), settings.partitionColumns());
    }

    /** A sink for generated Avro classes; the table schema is the Avro schema's. */
    public static <T extends SpecificRecord> DeltaSink<T> forAvro(Class<T> type, DeltaSinkSettings settings) {
        return new DeltaSink<>(AvroRowDataConverter.forSpecific(type), settings);
    }

    public static DeltaSink<GenericRecord> forGenericAvro(Schema schema, DeltaSinkSettings settings) {
        return new DeltaSink<>(AvroRowDataConverter.forGeneric(schema), settings);
    }

    public static DeltaSink<RowData> forRowData(RowType rowType, DeltaSinkSettings settings) {
        return new DeltaSink<>(new RowDataPassThrough(rowType), settings);
    }

    public static DeltaSink<Row> forRow(RowType rowType, DeltaSinkSettings settings) {
        return new DeltaSink<>(new RowConverter(rowType), settings);
    }

    /** A sink for any record type a converter turns into rows. */
    public static <T> DeltaSink<T> of(RowDataConverter<T> converter, DeltaSinkSettings settings) {
        return new DeltaSink<>(converter, settings);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return writer(context.getTaskInfo().getIndexOfThisSubtask(), context.metricGroup());
    }

    /** Flink 1.20 still requires this; it is called only by legacy paths. */
    @Override
    @Deprecated
    public SinkWriter<IN> createWriter(InitContext context) throws IOException {
        return writer(context.getTaskInfo().getIndexOfThisSubtask(), context.metricGroup());
    }

    private SinkWriter<IN> writer(int subtask, SinkWriterMetricGroup metricGroup) throws IOException {
        return DeltaSinkParts.writer(converter, layout, settings, subtask, metricGroup);
    }

    @Override
    public Committer<CommitBundle> createCommitter(CommitterInitContext context) throws IOException {
        return DeltaSinkParts.committer(
                layout, settings, context.getTaskInfo().getIndexOfThisSubtask(), context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<CommitBundle> getCommittableSerializer() {
        return new CommitBundleSerializer();
    }

    @Override
    public SimpleVersionedSerializer<DataFile> getWriteResultSerializer() {
        return new DataFileSerializer();
    }

    /**
     * One bundler with parallelism one gathers each checkpoint's files from all writers; the
     * second {@code global()} sends every bundle to committer subtask 0, so bundles are committed
     * one at a time and in order.
     */
    @Override
    public DataStream<CommittableMessage<CommitBundle>> addPreCommitTopology(
            DataStream<CommittableMessage<DataFile>> writerResults) {
        return writerResults
                .global()
                .transform(
                        "Delta commit bundler",
                        CommittableMessageTypeInfo.of(CommitBundleSerializer::new),
                        new CommitBundler(settings.applicationId()))
                .uid("delta-commit-bundler")
                .setParallelism(1)
                .setMaxParallelism(1)
                .global();
    }
}
