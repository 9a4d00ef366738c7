package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A card's latest attempts keep each one's time and outcome together, whatever the time's sign. */
class RecentAttemptsTest {

    @Test
    void countsAndListsTheAttemptsSinceATime() {
        RecentAttempts attempts = new RecentAttempts();
        attempts.add(-3_000, "a1", true);
        attempts.add(-1, "a2", false);
        attempts.add(0, "a3", true);
        attempts.add(5_000, "a4", false);
        attempts.add(5_001, "a5", true);

        assertThat(attempts.countSince(-1, false)).isEqualTo(4);
        assertThat(attempts.countSince(-1, true)).isEqualTo(2);
        assertThat(attempts.idsSince(-3_000, true)).containsExactly("a2", "a4");
        assertThat(attempts.time(1)).isEqualTo(-1);
        assertThat(attempts.approved(1)).isFalse();
        assertThat(attempts.approved(0)).isTrue();

        attempts.forgetBefore(0);
        assertThat(attempts.size).isEqualTo(3);
        assertThat(attempts.idsSince(Long.MIN_VALUE / 2, false)).containsExactly("a3", "a4", "a5");
    }

    @Test
    void aCopySharesNothingWithItsOriginal() {
        RecentAttempts attempts = new RecentAttempts(1);
        attempts.add(10, "a1", true);
        RecentAttempts copy = attempts.copy();
        attempts.add(20, "a2", false);
        attempts.forgetBefore(15);

        assertThat(copy.idsSince(0, false)).containsExactly("a1");
        assertThat(attempts.idsSince(0, false)).containsExactly("a2");
    }
}
