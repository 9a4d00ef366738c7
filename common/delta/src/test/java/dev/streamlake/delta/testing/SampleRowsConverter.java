package dev.streamlake.delta.testing;

import dev.streamlake.delta.convert.RowDataConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Lets a job send only ids to the sink, which writes the sample row of each id. */
public final class SampleRowsConverter implements RowDataConverter<Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public RowType rowType() {
        return SampleRows.TYPE;
    }

    @Override
    public RowData toRowData(Long id) {
        return SampleRows.row(id);
    }
}
