package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.join.AsOfJoinOutput;
import dev.streamlake.core.join.AsOfMatch;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;
import dev.streamlake.events.VipAction;

import org.apache.flink.api.common.functions.FilterFunction;

import java.util.EnumSet;
import java.util.Set;

/**
 * The second use of the as-of join: clickstream actions with their user's status as of the
 * action, kept when that status is a VIP one.
 */
final class VipActions implements AsOfJoinOutput<ClickAction, User, VipAction> {

    private static final long serialVersionUID = 1L;

    @Override
    public VipAction join(ClickAction action, User user, AsOfMatch match) {
        // Setters, as in EnrichedReviews: Avro's builder costs more than the row.
        VipAction row = new VipAction();
        row.setActionId(action.getActionId());
        row.setUserId(action.getUserId());
        row.setSessionId(action.getSessionId());
        row.setAction(action.getAction());
        row.setPage(action.getPage());
        row.setProductId(action.getProductId());
        row.setTs(action.getTs());
        row.setUserStatus(user == null ? null : user.getStatus());
        row.setUserCountry(user == null ? null : user.getCountry());
        return row;
    }

    /** Keeps the actions of users with one of the statuses. */
    static FilterFunction<VipAction> ofStatuses(Set<UserStatus> statuses) {
        EnumSet<UserStatus> vip = EnumSet.copyOf(statuses);
        return action -> action.getUserStatus() != null && vip.contains(action.getUserStatus());
    }
}
