package dev.streamlake.jobs.sensorstats;

import java.time.Instant;
import java.util.Arrays;

/**
 * Every held sensor's window that ends at one time. Windows are aligned, so all of them fire at
 * the same watermark and are dropped at the same later one: one pass over this pane instead of
 * one state access per sensor and deadline, and dropping the pane forgets them all at once.
 *
 * <p>Indexed directly by the number the sensor is held under ({@link
 * dev.streamlake.core.state.HeldKeyedState}): numbers are dense, so a lookup is one array read and
 * a pass visits sensors in order.
 */
final class WindowPane {

    final long end;
    /** The window start and end as emitted: shared by every row of the pane. */
    final Instant startInstant;
    final Instant endInstant;

    /** True once the watermark has reached end - 1 and the pane has emitted its windows. */
    boolean fired;

    private OpenWindow[] bySensor = new OpenWindow[16];

    WindowPane(long end, long size, boolean fired) {
        this.end = end;
        this.startInstant = Instant.ofEpochMilli(end - size);
        this.endInstant = Instant.ofEpochMilli(end);
        this.fired = fired;
    }

    /** The sensor's window, or null. */
    OpenWindow get(int sensor) {
        return sensor < bySensor.length ? bySensor[sensor] : null;
    }

    /** Opens the sensor's window, which must not be open yet. */
    OpenWindow open(int sensor) {
        OpenWindow window = new OpenWindow(end);
        put(sensor, window);
        return window;
    }

    /** Takes a window of this end, read back from state. */
    void put(int sensor, OpenWindow window) {
        if (sensor >= bySensor.length) {
            bySensor = Arrays.copyOf(bySensor, Math.max(sensor + 1, 2 * bySensor.length));
        }
        bySensor[sensor] = window;
    }

    void forEach(WindowVisitor visitor) {
        for (int sensor = 0; sensor < bySensor.length; sensor++) {
            OpenWindow window = bySensor[sensor];
            if (window != null) {
                visitor.visit(sensor, window);
            }
        }
    }

    /** What {@link #forEach} hands each window to, with its sensor's number. */
    @FunctionalInterface
    interface WindowVisitor {
        void visit(int sensor, OpenWindow window);
    }
}
