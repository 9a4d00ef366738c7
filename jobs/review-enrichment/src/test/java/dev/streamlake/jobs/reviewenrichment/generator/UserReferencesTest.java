package dev.streamlake.jobs.reviewenrichment.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.UserStatus;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reviews and click actions name the users of the users changelog as the as-of join will find
 * them: checked against the changelog itself, replayed by source time.
 */
class UserReferencesTest {

    private static final GeneratorSettings USERS = UserChangeRecipeTest.USERS;

    /** From the snapshot's end to the changelog's, one review every 6 s and one action every 3 s. */
    private static final Instant AFTER_SNAPSHOT = USERS.startTime().plus(USERS.eventInterval().multipliedBy(USERS.keys()));
    private static final int REVIEWS = 7 * 200 * 6;

    private static final GeneratorSettings REVIEW_SETTINGS =
            GeneratorSettings.builder().keys(300).startTime(AFTER_SNAPSHOT).eventInterval(Duration.ofSeconds(6))
                    .lateShare(0).malformedShare(0).build();
    private static final GeneratorSettings CLICK_SETTINGS =
            REVIEW_SETTINGS.toBuilder().eventInterval(Duration.ofSeconds(3)).build();

    private static ChangelogReplay changelog;

    @BeforeAll
    static void replayTheChangelog() {
        changelog = new ChangelogReplay(UserChangeRecipeTest.generator(USERS), UserChangeRecipeTest.RECORDS);
    }

    @Test
    void whatAReferenceMeansIsWhatTheJoinFinds() {
        UserReferences references = new UserReferences(UserPopulation.of(USERS), 0.1, 0.1, 0.1);
        Map<UserReference.Kind, Integer> kinds = new EnumMap<>(UserReference.Kind.class);
        SplittableRandom random = new SplittableRandom(1);
        long start = USERS.startTime().toEpochMilli();
        long end = start + USERS.eventInterval().toMillis() * UserChangeRecipeTest.RECORDS;
        for (int i = 0; i < 20_000; i++) {
            // also before the changelog's start and after its end
            long millis = random.nextLong(start - 3_600_000, end + 3_600_000);
            UserReference reference = references.at(millis, random);
            assertThat(changelog.matchAt(reference.userId(), millis)).as("%s at %s", reference, Instant.ofEpochMilli(millis))
                    .isEqualTo(reference.kind().match());
            if (reference.kind() == UserReference.Kind.EXISTING) {
                assertThat(reference.row()).isEqualTo(changelog.rowAt(reference.userId(), millis));
            }
            kinds.merge(reference.kind(), 1, Integer::sum);
        }
        assertThat(kinds).containsOnlyKeys(UserReference.Kind.values());
        assertThat(kinds.get(UserReference.Kind.EXISTING)).isGreaterThan(20_000 / 2);
    }

    @Test
    void reviewsMeetEveryJoinOutcomeAndSomePlatinumUsersAreUnhappy() throws Exception {
        EventGenerator<ProductReview> reviews = ProductReviews.generator(REVIEW_SETTINGS, USERS, new JsonFormat<>(ProductReview.class));
        EventGenerator<ProductReview> shipped = InstantiationUtil.clone(reviews);
        Map<UserMatch, Integer> matches = new EnumMap<>(UserMatch.class);
        int platinum = 0;
        int unhappyPlatinum = 0;
        int unhappyOthers = 0;
        for (int index = 0; index < REVIEWS; index++) {
            ProductReview review = reviews.eventAt(index);
            assertThat(shipped.eventAt(index)).isEqualTo(review);
            assertThat(review.getProductId()).matches("prod-000[0-2]\\d\\d");
            long millis = review.getTs().toEpochMilli();
            matches.merge(changelog.matchAt(review.getUserId(), millis), 1, Integer::sum);
            User user = changelog.rowAt(review.getUserId(), millis);
            if (user != null && user.getStatus() == UserStatus.PLATINUM) {
                platinum++;
                unhappyPlatinum += review.getRating() < 3 ? 1 : 0;
            } else {
                unhappyOthers += review.getRating() < 3 ? 1 : 0;
            }
        }
        assertThat(matches).containsOnlyKeys(UserMatch.values());
        assertThat(matches.get(UserMatch.FOUND)).isGreaterThan(REVIEWS * 8 / 10);
        assertThat(matches.get(UserMatch.DELETED)).isGreaterThan(REVIEWS / 100);
        assertThat(platinum).isGreaterThan(REVIEWS / 50);
        assertThat((double) unhappyPlatinum / platinum).isGreaterThan(1.5 * unhappyOthers / (REVIEWS - platinum));

        EventGenerator<ProductReview> otherSeed =
                ProductReviews.generator(REVIEW_SETTINGS.toBuilder().seed(7).build(), USERS, new JsonFormat<>(ProductReview.class));
        assertThat(otherSeed.eventAt(100)).isNotEqualTo(reviews.eventAt(100));
    }

    @Test
    void clickActionsAreOfTheSameUsersAndVipsAmongThem() {
        EventGenerator<ClickAction> clicks = ClickActions.generator(CLICK_SETTINGS, USERS, new JsonFormat<>(ClickAction.class));
        Map<UserMatch, Integer> matches = new EnumMap<>(UserMatch.class);
        int vipActions = 0;
        for (int index = 0; index < 2 * REVIEWS; index++) {
            ClickAction action = clicks.eventAt(index);
            long millis = action.getTs().toEpochMilli();
            matches.merge(changelog.matchAt(action.getUserId(), millis), 1, Integer::sum);
            User user = changelog.rowAt(action.getUserId(), millis);
            vipActions += user != null && user.getStatus() == UserStatus.PLATINUM ? 1 : 0;
            assertThat(clicks.eventAt(index)).isEqualTo(action);
        }
        assertThat(matches).containsOnlyKeys(UserMatch.values());
        assertThat(matches.get(UserMatch.FOUND)).isGreaterThan(2 * REVIEWS * 85 / 100);
        assertThat(vipActions).isGreaterThan(2 * REVIEWS / 50);
    }

    @Test
    void aReferenceDependsOnTheUsersSeed() {
        UserReferences ours = new UserReferences(UserPopulation.of(USERS), 0, 0, 0);
        UserReferences theirs = new UserReferences(UserPopulation.of(USERS.toBuilder().seed(43).build()), 0, 0, 0);
        long millis = AFTER_SNAPSHOT.toEpochMilli() + 3_600_000;
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            User a = ours.at(millis, new SplittableRandom(i)).row();
            User b = theirs.at(millis, new SplittableRandom(i)).row();
            differing += a.equals(b) ? 0 : 1;
            assertThat(ours.at(millis, new SplittableRandom(i)).row()).isEqualTo(a);
        }
        assertThat(differing).isGreaterThan(90);
    }
}
