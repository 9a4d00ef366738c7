package dev.streamlake.delta;

import dev.streamlake.delta.partition.BoundPartitionColumn;
import dev.streamlake.delta.schema.UnsupportedColumnTypeException;
import dev.streamlake.delta.testing.SampleRows;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionColumnTest {

    @Test
    void aDateOfATimestampIsItsUtcDate() {
        BoundPartitionColumn date = PartitionColumn.dateOf("event_date", "ts").bind(SampleRows.TYPE);

        assertThat(date.isDerived()).isTrue();
        assertThat(date.type().asSummaryString()).isEqualTo("DATE NOT NULL");
        for (long id = 0; id < 6; id++) {
            assertThat(date.valueOf(SampleRows.row(id))).isEqualTo(SampleRows.eventDate(id).toString());
        }
    }

    @Test
    void aDateBeforeTheEpochRoundsDown() {
        GenericRowData row = (GenericRowData) SampleRows.row(1);
        row.setField(2, TimestampData.fromInstant(Instant.parse("1969-12-31T23:59:59.999Z")));

        assertThat(PartitionColumn.dateOf("d", "ts").bind(SampleRows.TYPE).valueOf(row)).isEqualTo("1969-12-31");
    }

    @Test
    void aRecordColumnIsTakenAsItIs() {
        BoundPartitionColumn site = PartitionColumn.of("site").bind(SampleRows.TYPE);

        assertThat(site.isDerived()).isFalse();
        assertThat(site.valueOf(SampleRows.row(1))).isEqualTo("south");
    }

    @Test
    void aDerivedColumnComputesItsValueFromTheRecord() {
        BoundPartitionColumn bucket =
                PartitionColumn.derived(
                                "bucket",
                                DataTypes.STRING().getLogicalType(),
                                row -> StringData.fromString("b" + row.getLong(0) % 2))
                        .bind(SampleRows.TYPE);

        assertThat(bucket.valueOf(SampleRows.row(3))).isEqualTo("b1");
    }

    @Test
    void configurationTextNamesAColumnOrADateOfOne() {
        assertThat(PartitionColumn.parse(" site ").bind(SampleRows.TYPE).isDerived()).isFalse();
        BoundPartitionColumn date = PartitionColumn.parse("event_date = date( ts )").bind(SampleRows.TYPE);
        assertThat(date.name()).isEqualTo("event_date");
        assertThat(date.isDerived()).isTrue();
    }

    @Test
    void unreadableConfigurationTextIsRefused() {
        assertThatThrownBy(() -> PartitionColumn.parse("event_date=hour(ts)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'event_date=hour(ts)'");
    }

    @Test
    void anUnknownColumnIsRefusedListingTheColumns() {
        assertThatThrownBy(() -> PartitionColumn.of("region").bind(SampleRows.TYPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition column 'region' is not a column of the record")
                .hasMessageContaining("[id, site, ts");
    }

    @Test
    void theDateOfANonTimestampIsRefused() {
        assertThatThrownBy(() -> PartitionColumn.dateOf("d", "site").bind(SampleRows.TYPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes the date of 'site'")
                .hasMessageContaining("not a timestamp");
    }

    @Test
    void aColumnOfNoPartitionTypeIsRefused() {
        assertThatThrownBy(() -> PartitionColumn.of("reading").bind(SampleRows.TYPE))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("column 'reading'")
                .hasMessageContaining("cannot be a partition column");
    }
}
