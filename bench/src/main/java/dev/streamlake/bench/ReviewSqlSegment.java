package dev.streamlake.bench;

import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * S: the join as a SQL user would write it, selecting the columns of the job's enriched row: the users changelog as a versioned table (primary key
 * user_id, event time the change's source time) and {@code LEFT JOIN users FOR SYSTEM_TIME AS OF
 * r.rowtime}. Both inputs are decoded by the same formats as in R (JSON, Debezium JSON) and handed
 * to SQL with the stream's rowtime and watermarks ({@code SOURCE_WATERMARK()}); the changes become
 * the rows Flink's own debezium-json format makes of them (+I for a create or snapshot read, -U and
 * +U for an update, -D for a delete), so only the query engine differs.
 */
final class ReviewSqlSegment extends Segment {

    private static final String[] USER_COLUMNS = {"user_id", "full_name", "email", "phone", "country", "status",
            "marketing_opt_in", "created_at", "updated_at"};

    /** Every column of a review: the job's enriched row carries them all. */
    private static final TypeInformation<Row> REVIEW_ROW = Types.ROW_NAMED(
            new String[] {"review_id", "product_id", "user_id", "rating", "title", "body", "language",
                "verified_purchase", "helpful_votes", "image_urls", "ts"},
            Types.STRING, Types.STRING, Types.STRING, Types.INT, Types.STRING, Types.STRING, Types.STRING,
            Types.BOOLEAN, Types.INT, Types.OBJECT_ARRAY(Types.STRING), Types.INSTANT);

    /** Every column of a user the job keeps (it drops birth_date). */
    private static final TypeInformation<Row> USER_ROW = Types.ROW_NAMED(USER_COLUMNS, Types.STRING, Types.STRING,
            Types.STRING, Types.STRING, Types.STRING, Types.STRING, Types.BOOLEAN, Types.INSTANT, Types.INSTANT);

    /** The columns of the job's enriched row, but its match and pseudonyms. */
    private static final String JOIN =
            "SELECT r.review_id, r.product_id, r.user_id, r.rating, r.title, r.body, r.`language`, "
                    + "r.verified_purchase, r.helpful_votes, r.image_urls, r.ts, u.full_name, u.email, u.phone, "
                    + "u.country, u.status, u.marketing_opt_in, u.created_at, u.updated_at "
                    + "FROM reviews AS r LEFT JOIN users FOR SYSTEM_TIME AS OF r.rowtime AS u ON r.user_id = u.user_id";

    ReviewSqlSegment() {
        super("S", "SQL: decode (same formats) → reviews with SOURCE_WATERMARK(), the changes as a changelog "
                + "(+I, -U/+U, -D) with primary key user_id and SOURCE_WATERMARK() → LEFT JOIN users FOR SYSTEM_TIME "
                + "AS OF r.rowtime, selecting every review column and every user column the job keeps", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.createTemporaryView("reviews", tables.fromDataStream(
                input.plainJson(ProductReviewEvents.INSTANCE).createStream(env).flatMap(new ReviewRows()).returns(REVIEW_ROW),
                StreamTimeSchema.rowtimeOnly()));
        tables.createTemporaryView("users", tables.fromChangelogStream(
                input.plainJson(UserChangeEvents.INSTANCE).createStream(env).flatMap(new UserRows()).returns(USER_ROW),
                StreamTimeSchema.withRowtime(Schema.newBuilder()
                        .column("user_id", DataTypes.STRING().notNull())
                        .column("full_name", DataTypes.STRING())
                        .column("email", DataTypes.STRING())
                        .column("phone", DataTypes.STRING())
                        .column("country", DataTypes.STRING())
                        .column("status", DataTypes.STRING())
                        .column("marketing_opt_in", DataTypes.BOOLEAN())
                        .column("created_at", DataTypes.TIMESTAMP_LTZ(9))
                        .column("updated_at", DataTypes.TIMESTAMP_LTZ(9)))
                        .primaryKey("user_id")
                        .build(),
                ChangelogMode.all()));
        Table joined = tables.sqlQuery(JOIN);
        tables.toDataStream(joined).sinkTo(new EndMarkingSink<>()).name("Discard");
    }

    private static final class ReviewRows implements FlatMapFunction<Decoded<ProductReview>, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Decoded<ProductReview> decoded, Collector<Row> out) {
            if (decoded.isValue()) {
                ProductReview review = decoded.getValue();
                out.collect(Row.of(review.getReviewId(), review.getProductId(), review.getUserId(), review.getRating(),
                        review.getTitle(), review.getBody(), review.getLanguage(), review.getVerifiedPurchase(),
                        review.getHelpfulVotes(), review.getImageUrls().toArray(new String[0]), review.getTs()));
            }
        }
    }

    /** A change as the rows of a changelog; a delete without its old row keeps the key alone. */
    private static final class UserRows implements FlatMapFunction<Decoded<UserChange>, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Decoded<UserChange> decoded, Collector<Row> out) {
            if (!decoded.isValue()) {
                return;
            }
            UserChange change = decoded.getValue();
            switch (change.getOp()) {
                case DELETE:
                    out.collect(change.getBefore() != null
                            ? row(RowKind.DELETE, change.getBefore())
                            : Row.ofKind(RowKind.DELETE, change.getKey(), null, null, null, null, null, null, null, null));
                    break;
                case UPDATE:
                    if (change.getBefore() != null) {
                        out.collect(row(RowKind.UPDATE_BEFORE, change.getBefore()));
                    }
                    out.collect(row(RowKind.UPDATE_AFTER, change.getAfter()));
                    break;
                default:
                    out.collect(row(RowKind.INSERT, change.getAfter()));
            }
        }

        private static Row row(RowKind kind, User user) {
            return Row.ofKind(kind, user.getUserId(), user.getFullName(), user.getEmail(), user.getPhone(),
                    user.getCountry(), user.getStatus().name(), user.getMarketingOptIn(), user.getCreatedAt(),
                    user.getUpdatedAt());
        }
    }
}
