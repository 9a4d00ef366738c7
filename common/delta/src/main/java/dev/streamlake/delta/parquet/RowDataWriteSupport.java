package dev.streamlake.delta.parquet;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.Collections;

/** Writes the data columns of records, picked from the record by position, to Parquet. */
final class RowDataWriteSupport extends WriteSupport<RowData> {

    private final MessageType schema;
    private final StructWriter columns;
    private RecordConsumer consumer;

    RowDataWriteSupport(RowType dataType, int[] positions) {
        this.schema = ParquetSchemas.toMessageType(dataType);
        this.columns = new StructWriter(dataType, positions);
    }

    /** Still abstract in Parquet, though deprecated: the Hadoop-free overload below is used. */
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Collections.emptyMap());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Collections.emptyMap());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(RowData record) {
        consumer.startMessage();
        columns.writeFields(consumer, record);
        consumer.endMessage();
    }
}
