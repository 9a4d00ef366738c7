package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An independent plain-Java computation of what the sensor statistics job must write for a
 * sequence of records, modelling Flink's event-time semantics step by step:
 *
 * <ul>
 *   <li>the watermark a record meets is the largest event time of the usable readings before it,
 *       minus the out-of-orderness, minus 1 ms (bounded out-of-orderness, emitted per event);
 *   <li>a window [start, end) fires when the watermark reaches end - 1; it is gone for good once the
 *       watermark reaches end - 1 + allowed lateness; a reading all of whose windows are gone is too
 *       late, and a reading for a fired window that is not gone fires it again with the next
 *       revision;
 *   <li>a reading that is not too late and equal in sensor, event time and value to one remembered is
 *       a duplicate; a reading is remembered until the last window covering it is gone;
 *   <li>at the end of input every window still open fires.
 * </ul>
 */
final class SensorStatsOracle {

    private final long size;
    private final long slide;
    private final long lateness;
    private final long outOfOrderness;
    private final OracleDecoder decoder;

    private SensorStatsOracle(Duration size, Duration slide, Duration lateness, Duration outOfOrderness,
            OracleDecoder decoder) {
        this.size = size.toMillis();
        this.slide = slide.toMillis();
        this.lateness = lateness.toMillis();
        this.outOfOrderness = outOfOrderness.toMillis();
        this.decoder = decoder;
    }

    /** The oracle for a job configuration: its windows, lateness, watermark bound and cleansing rules. */
    static SensorStatsOracle forJob(JobConfig config) {
        Duration size = config.get(SensorStatsKeys.WINDOW_SIZE);
        return new SensorStatsOracle(
                size,
                config.getOptional(SensorStatsKeys.WINDOW_SLIDE).orElse(size),
                config.get(SensorStatsKeys.ALLOWED_LATENESS),
                SensorStatsWiring.readingsConfig(config).get(WatermarkKeys.OUT_OF_ORDERNESS),
                new OracleDecoder(config.get(SensorStatsKeys.MAX_CLOCK_SKEW), Instant.now()));
    }

    /** The outcome of the records arriving in this order, followed by the end of input. */
    ExpectedOutcome run(List<byte[]> arrivals) {
        return new Run().over(arrivals);
    }

    private final class Run {
        private final ExpectedOutcome outcome = new ExpectedOutcome();
        private final Map<String, OpenWindow> windows = new LinkedHashMap<>();
        private final Map<String, RememberedValues> remembered = new HashMap<>();
        private long watermark = Long.MIN_VALUE;
        private long largestEventTime = Long.MIN_VALUE;

        ExpectedOutcome over(List<byte[]> arrivals) {
            for (int position = 0; position < arrivals.size(); position++) {
                Optional<Reading> reading = decoder.decode(arrivals.get(position));
                if (reading.isPresent()) {
                    arrive(position, reading.get());
                } else {
                    outcome.deadLetters.add(position);
                }
            }
            advanceTo(Long.MAX_VALUE);
            return outcome;
        }

        private void arrive(int position, Reading reading) {
            if (lastWindowEnd(reading) - 1 + lateness <= watermark) {
                outcome.tooLate.put(position, reading);
            } else if (isDuplicate(reading)) {
                outcome.duplicates++;
            } else {
                assignToWindows(reading);
            }
            largestEventTime = Math.max(largestEventTime, reading.ts);
            advanceTo(largestEventTime - outOfOrderness - 1);
        }

        private boolean isDuplicate(Reading reading) {
            String key = reading.sensorId + "@" + reading.ts;
            RememberedValues values = remembered.get(key);
            if (values == null) {
                remembered.put(key, new RememberedValues(lastWindowEnd(reading) - 1 + lateness, reading.value));
                return false;
            }
            if (values.values.contains(reading.value)) {
                return true;
            }
            values.values.add(reading.value);
            return false;
        }

        private long lastWindowEnd(Reading reading) {
            return Math.floorDiv(reading.ts, slide) * slide + size;
        }

        private void assignToWindows(Reading reading) {
            for (long start = Math.floorDiv(reading.ts, slide) * slide; start + size > reading.ts; start -= slide) {
                long end = start + size;
                if (end - 1 + lateness <= watermark) {
                    continue;
                }
                OpenWindow window = windows.computeIfAbsent(
                        reading.sensorId + "@" + start, key -> new OpenWindow(reading.sensorId, end - size, end));
                window.readings.add(reading);
                if (end - 1 <= watermark) {
                    emit(window);
                } else {
                    window.awaitingWatermark = true;
                }
            }
        }

        private void advanceTo(long newWatermark) {
            if (newWatermark <= watermark) {
                return;
            }
            watermark = newWatermark;
            Iterator<OpenWindow> open = windows.values().iterator();
            while (open.hasNext()) {
                OpenWindow window = open.next();
                if (window.awaitingWatermark && window.end - 1 <= watermark) {
                    window.awaitingWatermark = false;
                    emit(window);
                }
                if (window.end - 1 + lateness <= watermark) {
                    open.remove();
                }
            }
            remembered.values().removeIf(values -> values.forgetAt <= watermark);
        }

        private void emit(OpenWindow window) {
            outcome.emissions.add(
                    WindowEmission.of(window.sensorId, window.start, window.end, window.readings, window.emissions++));
        }
    }

    private static final class OpenWindow {
        final String sensorId;
        final long start;
        final long end;
        final List<Reading> readings = new ArrayList<>();
        boolean awaitingWatermark;
        int emissions;

        OpenWindow(String sensorId, long start, long end) {
            this.sensorId = sensorId;
            this.start = start;
            this.end = end;
        }
    }

    private static final class RememberedValues {
        final long forgetAt;
        final List<Double> values = new ArrayList<>();

        RememberedValues(long forgetAt, double first) {
            this.forgetAt = forgetAt;
            values.add(first);
        }
    }
}
