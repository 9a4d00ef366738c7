package dev.streamlake.bench;

import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * R's join, as a Flink user would first write it: per user, the changes by valid-from (without
 * their before-image; a delete makes no user) and the reviews waiting by event time, one event-time timer per distinct review time; when
 * the watermark of both inputs passes a review, it gets the latest version at or before its time
 * (none: a null user), and versions older than that one are dropped, as no later review can need
 * them. A review behind the watermark when it arrives is dropped; versions never expire.
 */
final class ReviewAsOfUser extends KeyedCoProcessFunction<String, ProductReview, UserChange, Tuple2<ProductReview, User>> {

    private static final long serialVersionUID = 1L;

    static final TypeInformation<ProductReview> REVIEW = TypeInformation.of(ProductReview.class);
    static final TypeInformation<User> USER = TypeInformation.of(User.class);

    private transient MapState<Long, UserChange> versions;
    private transient MapState<Long, List<ProductReview>> waiting;

    @Override
    public void open(OpenContext openContext) {
        versions = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("versions", Types.LONG, TypeInformation.of(UserChange.class)));
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting", Types.LONG, Types.LIST(REVIEW)));
    }

    @Override
    public void processElement1(ProductReview review, Context context, Collector<Tuple2<ProductReview, User>> out)
            throws Exception {
        long time = review.getTs().toEpochMilli();
        if (time <= context.timerService().currentWatermark()) {
            return;
        }
        List<ProductReview> reviews = waiting.get(time);
        if (reviews == null) {
            reviews = new ArrayList<>();
            context.timerService().registerEventTimeTimer(time);
        }
        reviews.add(review);
        waiting.put(time, reviews);
    }

    @Override
    public void processElement2(UserChange change, Context context, Collector<Tuple2<ProductReview, User>> out)
            throws Exception {
        change.setBefore(null);
        versions.put(change.getSourceTs().toEpochMilli(), change);
    }

    @Override
    public void onTimer(long time, OnTimerContext context, Collector<Tuple2<ProductReview, User>> out) throws Exception {
        Long found = null;
        for (Long validFrom : versions.keys()) {
            if (validFrom <= time && (found == null || validFrom > found)) {
                found = validFrom;
            }
        }
        User user = found == null ? null : userOf(versions.get(found));
        for (ProductReview review : waiting.get(time)) {
            out.collect(Tuple2.of(review, user));
        }
        waiting.remove(time);
        if (found != null) {
            for (Iterator<Long> validFrom = versions.keys().iterator(); validFrom.hasNext(); ) {
                if (validFrom.next() < found) {
                    validFrom.remove();
                }
            }
        }
    }

    private static User userOf(UserChange version) {
        return version.getOp() == ChangeOp.DELETE ? null : version.getAfter();
    }
}
