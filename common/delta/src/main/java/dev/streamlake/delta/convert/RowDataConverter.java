package dev.streamlake.delta.convert;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;

/** Turns the records a job sends to the sink into Flink's internal rows of a known row type. */
public interface RowDataConverter<T> extends Serializable {

    RowType rowType();

    RowData toRowData(T record);
}
