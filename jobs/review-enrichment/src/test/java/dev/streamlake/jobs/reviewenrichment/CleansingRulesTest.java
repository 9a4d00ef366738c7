package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.ActionKind;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserStatus;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

class CleansingRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofHours(1);

    @Test
    void reviewsNeedIdsARatingOfOneToFiveAndAPlausibleTime() {
        ReviewRules rules = new ReviewRules(SKEW, CLOCK);
        long now = NOW.toEpochMilli();

        assertThat(rules.violation(Users.review("r1", "alice", 5, now))).isEmpty();
        assertThat(rules.violation(Users.review(" ", "alice", 5, now))).hasValue("the review has no review id");
        assertThat(rules.violation(Users.review("r1", "", 5, now))).hasValue("the review has no user id");
        assertThat(rules.violation(Users.review("r1", "alice", 0, now))).hasValue("the rating 0 is not 1 to 5");
        assertThat(rules.violation(Users.review("r1", "alice", 6, now))).hasValue("the rating 6 is not 1 to 5");
        assertThat(rules.violation(Users.review("r1", "alice", 1, now + Duration.ofHours(2).toMillis())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("in the future"));
    }

    @Test
    void actionsNeedIdsAndAPlausibleTime() {
        ClickActionRules rules = new ClickActionRules(SKEW, CLOCK);
        ClickAction action = ClickAction.newBuilder()
                .setActionId("a1").setUserId("alice").setSessionId("s1").setAction(ActionKind.VIEW)
                .setPage("/").setProductId(null).setTs(NOW).build();

        assertThat(rules.violation(action)).isEmpty();
        assertThat(rules.violation(ClickAction.newBuilder(action).setUserId("").build())).hasValue("the action has no user id");
        assertThat(rules.violation(ClickAction.newBuilder(action).setActionId("").build())).hasValue("the action has no action id");
        assertThat(rules.violation(ClickAction.newBuilder(action).setTs(Instant.parse("1999-12-31T00:00:00Z")).build()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("before"));
    }

    @Test
    void changesNeedAPlausibleSourceTime() {
        UserChangeRules rules = new UserChangeRules(SKEW, CLOCK);

        assertThat(rules.violation(Users.change(ChangeOp.CREATE, null, Users.user("alice", UserStatus.GOLD, 1), NOW.toEpochMilli())))
                .isEmpty();
        assertThat(rules.violation(Users.change(ChangeOp.CREATE, null, Users.user("alice", UserStatus.GOLD, 1), 5)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("before"));
    }
}
