package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class WindowPanesTest {

    static final long MINUTE = 60_000;

    private final WindowPanes panes = new WindowPanes(MINUTE, 30_000);

    @Test
    void findsEachPaneByItsEndWhateverTheOrderTheyOpened() {
        WindowPane third = panes.findOrOpen(3 * MINUTE, Long.MIN_VALUE);
        WindowPane first = panes.findOrOpen(MINUTE, Long.MIN_VALUE);
        WindowPane second = panes.findOrOpen(2 * MINUTE, Long.MIN_VALUE);

        assertThat(panes.find(MINUTE)).isSameAs(first);
        assertThat(panes.find(2 * MINUTE)).isSameAs(second);
        assertThat(panes.findOrOpen(3 * MINUTE, Long.MIN_VALUE)).isSameAs(third);
        assertThat(panes.find(4 * MINUTE)).isNull();
        assertThat(panes.find(0)).isNull();
    }

    @Test
    void firesThePanesTheWatermarkReachedOnceThenDropsThoseWhoseLatenessPassed() {
        panes.findOrOpen(2 * MINUTE, Long.MIN_VALUE);
        panes.findOrOpen(MINUTE, Long.MIN_VALUE);
        assertThat(panes.pendingDeadlines()).isEqualTo(4);
        List<Long> fired = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();

        panes.fire(MINUTE - 1, pane -> fired.add(pane.end));
        panes.fire(MINUTE - 1, pane -> fired.add(pane.end));
        assertThat(panes.pendingDeadlines()).isEqualTo(3);
        panes.fire(2 * MINUTE + 29_998, pane -> fired.add(pane.end));
        panes.drop(2 * MINUTE + 29_998, pane -> dropped.add(pane.end));

        assertThat(fired).containsExactly(MINUTE, 2 * MINUTE);
        assertThat(dropped).containsExactly(MINUTE);
        assertThat(panes.pendingDeadlines()).isEqualTo(1);
        assertThat(panes.find(MINUTE)).isNull();
    }

    @Test
    void aPaneOpenedAfterTheWatermarkPassedItsEndHasFired() {
        WindowPane late = panes.findOrOpen(MINUTE, MINUTE + 5_000);

        assertThat(late.fired).isTrue();
        assertThat(panes.pendingDeadlines()).isEqualTo(1);
    }

    @Test
    void copiesASensorsWindowsFromEveryPane() {
        panes.findOrOpen(MINUTE, Long.MIN_VALUE).open(3).add(Readings.reading("s", 10_000, 1.0));
        panes.findOrOpen(2 * MINUTE, Long.MIN_VALUE).open(3).add(Readings.reading("s", 70_000, 2.0));
        panes.findOrOpen(2 * MINUTE, Long.MIN_VALUE).open(4);

        OpenWindow[] copies = panes.copiesOf(3);
        panes.find(MINUTE).get(3).add(Readings.reading("s", 20_000, 5.0));

        assertThat(copies).extracting(w -> w.end, w -> w.count)
                .containsExactly(tuple(MINUTE, 1L), tuple(2 * MINUTE, 1L));
        assertThat(panes.copiesOf(5)).isEmpty();
    }
}
