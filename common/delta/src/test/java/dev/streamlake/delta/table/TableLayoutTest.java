package dev.streamlake.delta.table;

import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.testing.SampleRows;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableLayoutTest {

    @Test
    void recordPartitionColumnsLeaveTheDataFilesAndDerivedOnesJoinTheTable() {
        TableLayout layout =
                new TableLayout(
                        SampleRows.TYPE,
                        Arrays.asList(PartitionColumn.dateOf("event_date", "ts"), PartitionColumn.of("site")));

        assertThat(layout.tableSchema().fieldNames())
                .containsExactly("id", "site", "ts", "reading", "amount", "tags", "samples", "location", "day", "event_date");
        assertThat(layout.dataType().getFieldNames())
                .containsExactly("id", "ts", "reading", "amount", "tags", "samples", "location", "day");
        assertThat(layout.dataPositions()).containsExactly(0, 2, 3, 4, 5, 6, 7, 8);
        assertThat(layout.partitionColumnNames()).containsExactly("event_date", "site");
    }

    @Test
    void aRecordHasItsPartitionValuesAndDirectory() {
        TableLayout layout =
                new TableLayout(
                        SampleRows.TYPE,
                        Arrays.asList(PartitionColumn.dateOf("event_date", "ts"), PartitionColumn.of("site")));

        List<String> values = layout.partitionValuesOf(SampleRows.row(4));

        assertThat(values).containsExactly("2024-01-02", "south");
        assertThat(layout.directoryOf(values)).isEqualTo("event_date=2024-01-02/site=south/");
    }

    @Test
    void anUnpartitionedTableWritesEveryColumn() {
        TableLayout layout = new TableLayout(SampleRows.TYPE, Collections.emptyList());

        assertThat(layout.dataType()).isEqualTo(SampleRows.TYPE.copy(false));
        assertThat(layout.directoryOf(layout.partitionValuesOf(SampleRows.row(1)))).isEmpty();
    }

    @Test
    void aPartitionColumnListedTwiceIsRefused() {
        assertThatThrownBy(
                        () ->
                                new TableLayout(
                                        SampleRows.TYPE,
                                        Arrays.asList(PartitionColumn.of("site"), PartitionColumn.of("site"))))
                .hasMessageContaining("partition column 'site' is listed twice");
    }

    @Test
    void aDerivedColumnMayNotTakeTheNameOfARecordColumn() {
        assertThatThrownBy(
                        () ->
                                new TableLayout(
                                        SampleRows.TYPE,
                                        Collections.singletonList(PartitionColumn.dateOf("day", "ts"))))
                .hasMessageContaining("derived partition column 'day' has the name of a column of the record");
    }
}
