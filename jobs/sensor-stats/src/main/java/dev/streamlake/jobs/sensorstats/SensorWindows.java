package dev.streamlake.jobs.sensorstats;

import java.util.Arrays;

/**
 * The open windows of one sensor, kept together as one state value: a sensor has only a few open
 * at a time (size / slide, plus those waiting out the allowed lateness), and one state access per
 * reading is cheaper than one per window. Serialized by {@link SensorWindowsSerializer}.
 */
final class SensorWindows {

    OpenWindow[] windows = new OpenWindow[0];

    /** Whether the sensor's duplicate state beyond its windows' own remembered readings is in use. */
    boolean countsInState;

    /** The open window with this end, or null. */
    OpenWindow find(long end) {
        for (OpenWindow window : windows) {
            if (window.end == end) {
                return window;
            }
        }
        return null;
    }

    OpenWindow open(long end) {
        OpenWindow window = new OpenWindow(end);
        windows = Arrays.copyOf(windows, windows.length + 1);
        windows[windows.length - 1] = window;
        return window;
    }

    /** Removes the window with this end; false if none is open. */
    boolean close(long end) {
        for (int i = 0; i < windows.length; i++) {
            if (windows[i].end == end) {
                OpenWindow[] rest = new OpenWindow[windows.length - 1];
                System.arraycopy(windows, 0, rest, 0, i);
                System.arraycopy(windows, i + 1, rest, i, rest.length - i);
                windows = rest;
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return windows.length == 0;
    }
}
