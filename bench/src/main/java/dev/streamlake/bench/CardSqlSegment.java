package dev.streamlake.bench;

import dev.streamlake.events.CardAuthorisation;
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
 * S: the job's velocity count and amount baseline as a SQL user would write them: a TUMBLE window
 * table-valued function counting each card's attempts (kept when above 3), and an OVER window of
 * each card's last 7 days giving every authorisation the count, mean and deviation of the amounts.
 * As in the sensor-stats S, the records are decoded by the same JSON format as in R and handed to
 * SQL as rows whose rowtime and watermarks are those of the stream ({@code SOURCE_WATERMARK()}),
 * so parsing costs the same in every segment and only the query engine differs.
 */
final class CardSqlSegment extends Segment {

    private static final TypeInformation<Row> AUTHORISATION_ROW =
            Types.ROW_NAMED(
                    new String[] {"card_id", "authorisation_id", "amount", "approved"},
                    Types.STRING, Types.STRING, Types.DOUBLE, Types.BOOLEAN);

    private static final String VELOCITY =
            "SELECT card_id, window_start, window_end, COUNT(*) AS attempts "
                    + "FROM TABLE(TUMBLE(TABLE authorisations, DESCRIPTOR(rowtime), INTERVAL '%d' SECOND)) "
                    + "GROUP BY card_id, window_start, window_end HAVING COUNT(*) > %d";

    /** RANGE over event time, as the job's baseline is 7 days of event time (the job counts whole hours). */
    private static final String BASELINE =
            "SELECT card_id, authorisation_id, amount, "
                    + "COUNT(amount) OVER last_week AS baseline_count, "
                    + "AVG(amount) OVER last_week AS baseline_mean, "
                    + "STDDEV_POP(amount) OVER last_week AS baseline_stddev "
                    + "FROM authorisations "
                    + "WINDOW last_week AS (PARTITION BY card_id ORDER BY rowtime "
                    + "RANGE BETWEEN INTERVAL '7' DAY PRECEDING AND CURRENT ROW)";

    CardSqlSegment() {
        super("S", "SQL: decode (same JSON format) → rows with SOURCE_WATERMARK() → TUMBLE TVF count per card "
                + "HAVING > 3, and an OVER window (RANGE 7 days) with COUNT, AVG and STDDEV_POP of the amount", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        Table authorisations =
                tables.fromDataStream(
                        input.plainJson(CardAuthorisationEvents.INSTANCE)
                                .createStream(env)
                                .flatMap(new AuthorisationRows())
                                .returns(AUTHORISATION_ROW),
                        StreamTimeSchema.rowtimeOnly());
        tables.createTemporaryView("authorisations", authorisations);
        Table velocity = tables.sqlQuery(String.format(VELOCITY,
                CardReferenceSegment.VELOCITY_WINDOW.getSeconds(), CardReferenceSegment.VELOCITY_MAX));
        tables.toDataStream(velocity).sinkTo(new EndMarkingSink<>()).name("Discard velocity");
        tables.toDataStream(tables.sqlQuery(BASELINE)).sinkTo(new EndMarkingSink<>()).name("Discard baselines");
    }

    private static final class AuthorisationRows implements FlatMapFunction<Decoded<CardAuthorisation>, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Decoded<CardAuthorisation> decoded, Collector<Row> out) {
            if (decoded.isValue()) {
                CardAuthorisation authorisation = decoded.getValue();
                out.collect(Row.of(authorisation.getCardId(), authorisation.getAuthorisationId(),
                        authorisation.getAmount().doubleValue(), authorisation.getApproved()));
            }
        }
    }
}
