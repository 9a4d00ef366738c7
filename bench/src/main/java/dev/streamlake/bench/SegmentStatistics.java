package dev.streamlake.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Medians over the measured rounds of one watermark emission (and of the segments without event
 * time), with or without checkpoints, and ratios between segments taken round by round (both segments ran back to back in the
 * same round, so the machine's noise mostly cancels) before the median is taken.
 */
final class SegmentStatistics {

    private final List<Measurement> measured;

    SegmentStatistics(List<Measurement> all, WatermarkEmission watermarks, boolean checkpointed) {
        this.measured = all.stream()
                .filter(m -> !m.warmUp() && (m.watermarks.equals(watermarks.label()) || m.watermarks.equals("none")))
                .filter(m -> m.checkpointed == checkpointed)
                .collect(Collectors.toList());
    }

    double medianEventsPerCpuSecond(String segment, StateKind state, int keys) {
        return median(of(segment, state, keys), Measurement::eventsPerCpuSecond);
    }

    double medianEventsPerSecond(String segment, StateKind state, int keys) {
        return median(of(segment, state, keys), Measurement::eventsPerSecond);
    }

    double medianPeakHeapBytes(String segment, StateKind state, int keys) {
        return median(of(segment, state, keys), m -> m.peakHeapBytes);
    }

    double medianPeakLiveHeapBytes(String segment, StateKind state, int keys) {
        return median(of(segment, state, keys), m -> m.peakLiveHeapBytes);
    }

    double medianPeakRssBytes(String segment, StateKind state, int keys) {
        return median(of(segment, state, keys), m -> m.peakRssBytes);
    }

    /** Median over rounds of numerator/denominator in events per CPU-second. */
    double medianRatio(String numerator, String denominator, StateKind state, int keys) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement top : of(numerator, state, keys)) {
            sameRound(denominator, state, keys, top.round)
                    .ifPresent(bottom -> ratios.add(top.eventsPerCpuSecond() / bottom.eventsPerCpuSecond()));
        }
        return median(ratios);
    }

    /** Median over rounds of a segment's events per CPU-second here over the same segment's in the other statistics. */
    double medianRatioTo(SegmentStatistics other, String segment, StateKind state, int keys) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement top : of(segment, state, keys)) {
            other.sameRound(segment, state, keys, top.round)
                    .ifPresent(bottom -> ratios.add(top.eventsPerCpuSecond() / bottom.eventsPerCpuSecond()));
        }
        return median(ratios);
    }

    boolean has(String segment, StateKind state, int keys) {
        return !of(segment, state, keys).isEmpty();
    }

    private Optional<Measurement> sameRound(String segment, StateKind state, int keys, int round) {
        return of(segment, state, keys).stream().filter(m -> m.round == round).findFirst();
    }

    /** The measured runs of a segment, in round order. */
    List<Measurement> of(String segment, StateKind state, int keys) {
        return measured.stream()
                .filter(m -> m.segment.equals(segment) && m.state == state && m.keys == keys)
                .collect(Collectors.toList());
    }

    private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> value) {
        return median(runs.stream().map(value::applyAsDouble).collect(Collectors.toList()));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
