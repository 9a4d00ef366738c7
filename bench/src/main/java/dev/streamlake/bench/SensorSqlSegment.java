package dev.streamlake.bench;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * S: the same statistics in Flink SQL, a TUMBLE window table-valued function over the pool. The
 * records are decoded by the same JSON format as in R and handed to SQL as rows whose rowtime and
 * watermarks are those of the stream ({@code SOURCE_WATERMARK()}), so parsing costs the same in
 * every segment and only the query engine differs.
 */
final class SensorSqlSegment extends Segment {

    private static final TypeInformation<Row> READING_ROW =
            Types.ROW_NAMED(
                    new String[] {"sensor_id", "ts", "reading", "unit", "site"},
                    Types.STRING, Types.INSTANT, Types.DOUBLE, Types.STRING, Types.STRING);

    /** FIRST_VALUE and LAST_VALUE follow arrival order, which is as close as plain SQL gets to R's by-event-time choice. */
    private static final String STATISTICS =
            "SELECT sensor_id, window_start, window_end, COUNT(*) AS readings, MIN(reading) AS min_reading, "
                    + "MAX(reading) AS max_reading, AVG(reading) AS mean_reading, STDDEV_POP(reading) AS stddev_reading, "
                    + "FIRST_VALUE(reading) AS first_reading, LAST_VALUE(reading) AS last_reading, "
                    + "MIN(ts) AS first_ts, MAX(ts) AS last_ts, LAST_VALUE(site) AS site "
                    + "FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(rowtime), INTERVAL '%d' SECOND(9))) "
                    + "GROUP BY sensor_id, window_start, window_end";

    SensorSqlSegment() {
        super("S", "SQL: decode (same JSON format) → rows with SOURCE_WATERMARK() → TUMBLE TVF aggregate", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        Table readings =
                tables.fromDataStream(
                        input.plainJson(SensorReadingEvents.INSTANCE).createStream(env).flatMap(new ReadingRows()).returns(READING_ROW),
                        StreamTimeSchema.rowtimeOnly());
        tables.createTemporaryView("readings", readings);
        Table statistics = tables.sqlQuery(String.format(STATISTICS, input.window().getSeconds()));
        tables.toDataStream(statistics).sinkTo(new EndMarkingSink<>()).name("Discard");
    }

    private static final class ReadingRows implements FlatMapFunction<Decoded<SensorReading>, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Decoded<SensorReading> decoded, Collector<Row> out) {
            if (decoded.isValue()) {
                SensorReading reading = decoded.getValue();
                out.collect(Row.of(
                        reading.getSensorId(), reading.getTs(), reading.getReading(), reading.getUnit(), reading.getSite()));
            }
        }
    }
}
