package dev.streamlake.delta.convert;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** For jobs that already produce internal rows. */
public final class RowDataPassThrough implements RowDataConverter<RowData> {

    private static final long serialVersionUID = 1L;

    private final RowType rowType;

    public RowDataPassThrough(RowType rowType) {
        this.rowType = rowType;
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public RowData toRowData(RowData record) {
        return record;
    }
}
