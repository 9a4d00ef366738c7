package dev.streamlake.jobs.sensorstats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The held sensors' open windows, as one {@link WindowPane} per window end, in order of end. A
 * handful are open at a time (size / slide, plus those waiting out the allowed lateness), so a
 * list searched from the newest end is the quickest map.
 */
final class WindowPanes {

    private final long size;
    private final long lateness;
    private final List<WindowPane> byEnd = new ArrayList<>();
    /**
     * The times ahead at which some pane fires or is dropped, kept as a count because a metrics
     * thread reads it while the task changes the panes.
     */
    private int pendingDeadlines;

    WindowPanes(long size, long lateness) {
        this.size = size;
        this.lateness = lateness;
    }

    /** The pane of windows ending at this time, or null. */
    WindowPane find(long end) {
        for (int i = byEnd.size() - 1; i >= 0; i--) {
            WindowPane pane = byEnd.get(i);
            if (pane.end == end) {
                return pane;
            }
            if (pane.end < end) {
                return null;
            }
        }
        return null;
    }

    /** The pane of windows ending at this time, opened if there is none; it has fired if the watermark passed its end - 1. */
    WindowPane findOrOpen(long end, long watermark) {
        int i = byEnd.size();
        while (i > 0 && byEnd.get(i - 1).end >= end) {
            i--;
            if (byEnd.get(i).end == end) {
                return byEnd.get(i);
            }
        }
        WindowPane pane = new WindowPane(end, size, end - 1 <= watermark);
        byEnd.add(i, pane);
        pendingDeadlines += pane.fired ? 1 : 2;
        return pane;
    }

    /** Marks each pane the watermark reached (end - 1) as fired, and hands it over. */
    void fire(long watermark, Consumer<WindowPane> action) {
        for (WindowPane pane : byEnd) {
            if (pane.end - 1 > watermark) {
                return;
            }
            if (!pane.fired) {
                pane.fired = true;
                pendingDeadlines--;
                action.accept(pane);
            }
        }
    }

    /**
     * Removes each pane whose allowed lateness the watermark passed (end - 1 + lateness), and
     * hands it over; call after {@link #fire} with the same watermark, so every such pane fired.
     */
    void drop(long watermark, Consumer<WindowPane> action) {
        while (!byEnd.isEmpty() && byEnd.get(0).end - 1 + lateness <= watermark) {
            pendingDeadlines--;
            action.accept(byEnd.remove(0));
        }
    }

    /** Copies of the sensor's open windows, for the state backend; copies, since the panes go on changing them. */
    OpenWindow[] copiesOf(int sensor) {
        List<OpenWindow> copies = new ArrayList<>(byEnd.size());
        for (WindowPane pane : byEnd) {
            OpenWindow window = pane.get(sensor);
            if (window != null) {
                copies.add(window.copy());
            }
        }
        return copies.toArray(new OpenWindow[0]);
    }

    void forEach(Consumer<WindowPane> action) {
        byEnd.forEach(action);
    }

    void clear() {
        byEnd.clear();
        pendingDeadlines = 0;
    }

    /** The times ahead at which some pane fires or is dropped. */
    int pendingDeadlines() {
        return pendingDeadlines;
    }
}
