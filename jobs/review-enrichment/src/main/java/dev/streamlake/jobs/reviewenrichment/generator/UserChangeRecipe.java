package dev.streamlake.jobs.reviewenrichment.generator;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;

import java.time.Instant;

/**
 * The users table's changes as Debezium captures them from a MySQL database ({@code shop.users},
 * whole rows before and after): record {@code i} is the {@link UserPopulation}'s change {@code i},
 * a snapshot read ({@code r}) of each user first, then inserts ({@code c}), updates ({@code u}) and
 * deletes ({@code d}). Its source time, the event time, is the draw's, so out-of-order and late
 * records are as the settings ask; Debezium handles each change a little after the database made it.
 */
public final class UserChangeRecipe implements EventRecipe<UserChange> {

    private static final long serialVersionUID = 1L;

    private final UserPopulation users;

    public UserChangeRecipe(GeneratorSettings settings) {
        this.users = UserPopulation.of(settings);
    }

    @Override
    public UserChange create(EventDraw draw) {
        long index = draw.index();
        int seat = users.seatAt(index);
        long round = index / users.seats();
        ChangeOp op;
        User before = null;
        User after = null;
        if (round == 0) {
            op = ChangeOp.READ;
            after = users.rowAfter(seat, 0);
        } else if (users.inserts(seat, round)) {
            op = ChangeOp.CREATE;
            after = users.rowAfter(seat, round);
        } else if (users.deletes(seat, round)) {
            op = ChangeOp.DELETE;
            before = users.rowAfter(seat, round - 1);
        } else {
            op = ChangeOp.UPDATE;
            before = users.rowAfter(seat, round - 1);
            after = users.rowAfter(seat, round);
        }
        Instant sourceTime = draw.eventTime();
        return UserChange.newBuilder()
                .setOp(op)
                .setKey((after != null ? after : before).getUserId())
                .setBefore(before)
                .setAfter(after)
                .setSourceTs(sourceTime)
                .setSourceConnector("mysql")
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(op == ChangeOp.READ)
                .setTransactionId(null)
                .setProcessedAt(sourceTime.plusMillis(20 + draw.random().nextInt(1_500)))
                .build();
    }
}
