package dev.streamlake.bench;

import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * R: the smallest plain DataStream program with the job's join: reviews and user changes, each
 * decoded and its bad records dropped, keyed by user and connected → {@link ReviewAsOfUser} (a
 * {@code KeyedCoProcessFunction} with Flink's map state and event-time timers) → discard; no
 * cleansing, pseudonymisation, expiry or routing.
 */
final class ReviewReferenceSegment extends Segment {

    ReviewReferenceSegment() {
        super("R", "reference: decode both inputs → keyBy user, connect → KeyedCoProcessFunction (versions and waiting "
                + "reviews in MapState, an event-time timer per review time, the latest version at or before the "
                + "review once the watermark passes it) → discard", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        DataStream<UserChange> changes = input.plainJson(UserChangeEvents.INSTANCE)
                .createStream(env)
                .flatMap(new DecodedValues<>())
                .returns(TypeInformation.of(UserChange.class));
        input.plainJson(ProductReviewEvents.INSTANCE)
                .createStream(env)
                .flatMap(new DecodedValues<>())
                .returns(ReviewAsOfUser.REVIEW)
                .keyBy(ProductReview::getUserId, Types.STRING)
                .connect(changes.keyBy(UserChange::getKey, Types.STRING))
                .process(new ReviewAsOfUser(), Types.TUPLE(ReviewAsOfUser.REVIEW, ReviewAsOfUser.USER))
                .uid("reviews-as-of-users")
                .name("Reviews as of users")
                .sinkTo(new EndMarkingSink<>())
                .name("Discard");
    }
}
