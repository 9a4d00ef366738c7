package dev.streamlake.bench;

import org.apache.flink.util.TimeUtils;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The report's checkpoint sections: what the checkpointed rounds completed, and, when each
 * segment also ran without checkpoints, what checkpointing cost it within the run.
 */
final class CheckpointSections {

    private static final String[] RATIOS = {"R", "S", "A"};

    private final BenchSettings settings;
    private final SegmentStatistics checkpointed;
    private final Optional<SegmentStatistics> without;
    private final Consumer<String> line;

    CheckpointSections(BenchSettings settings, SegmentStatistics checkpointed, Optional<SegmentStatistics> without,
            Consumer<String> line) {
        this.settings = settings;
        this.checkpointed = checkpointed;
        this.without = without;
        this.line = line;
    }

    void write() {
        if (!settings.checkpointing()) {
            return;
        }
        taken();
        without.ifPresent(this::cost);
    }

    private void taken() {
        line.accept("## Checkpoints of the measured rounds");
        line.accept("");
        line.accept("Every " + TimeUtils.formatWithHighestUnit(settings.checkpointInterval()) + "; "
                + "per segment: checkpoints completed in each measured round (from its first record to the end of its "
                + "input; Flink's checkpoint statistics of the job) / their mean duration, trigger to last "
                + "acknowledgement / mean bytes a checkpoint wrote (RocksDB incremental: its new files only) / the full "
                + "state of the newest one, the largest over the rounds.");
        line.accept("");
        header();
        forEachGroup((state, keys) -> {
            StringBuilder row = new StringBuilder(String.format("| %s | %,d |", state.label(), keys));
            for (Segment segment : settings.job().segments()) {
                row.append(' ').append(taken(checkpointed.of(segment.code(), state, keys))).append(" |");
            }
            line.accept(row.toString());
        });
        line.accept("");
    }

    private static String taken(List<Measurement> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        String counts = rounds.stream().map(m -> String.valueOf(m.checkpoints.completed)).collect(Collectors.joining(", "));
        long completed = rounds.stream().mapToLong(m -> m.checkpoints.completed).sum();
        if (completed == 0) {
            return counts;
        }
        double meanMillis = rounds.stream().mapToDouble(m -> m.checkpoints.completed * (double) m.checkpoints.meanDurationMillis).sum()
                / completed;
        double meanBytes = rounds.stream().mapToDouble(m -> m.checkpoints.completed * (double) m.checkpoints.meanCheckpointedBytes).sum()
                / completed;
        long state = rounds.stream().mapToLong(m -> m.checkpoints.stateBytes).max().orElse(-1);
        return String.format("%s / %,.0f ms / %s / %s", counts, meanMillis, size(meanBytes), size(state));
    }

    private void cost(SegmentStatistics uncheckpointed) {
        line.accept("## With and without checkpoints, within this run");
        line.accept("");
        line.accept("Every segment ran twice in each measured round on the same records, with and without checkpoints, "
                + "back to back, which one first alternating per round. Events per CPU-second, medians with / without "
                + "= with/without taken per round, then the median: below 1 is what checkpointing cost.");
        line.accept("");
        header();
        forEachGroup((state, keys) -> {
            StringBuilder row = new StringBuilder(String.format("| %s | %,d |", state.label(), keys));
            for (Segment segment : settings.job().segments()) {
                String code = segment.code();
                row.append(checkpointed.has(code, state, keys)
                        ? String.format(" %,.0f / %,.0f = %.2f |",
                                checkpointed.medianEventsPerCpuSecond(code, state, keys),
                                uncheckpointed.medianEventsPerCpuSecond(code, state, keys),
                                checkpointed.medianRatioTo(uncheckpointed, code, state, keys))
                        : " |");
            }
            line.accept(row.toString());
        });
        line.accept("");
        line.accept("Ratios (events per CPU-second, median of per-round ratios), with and without checkpoints:");
        line.accept("");
        StringBuilder header = new StringBuilder("| state | " + settings.job().keyNoun() + " |");
        StringBuilder align = new StringBuilder("|---|---:|");
        for (String denominator : RATIOS) {
            header.append(String.format(" P/%1$s with | P/%1$s without |", denominator));
            align.append("---:|---:|");
        }
        line.accept(header.toString());
        line.accept(align.toString());
        forEachGroup((state, keys) -> {
            StringBuilder row = new StringBuilder(String.format("| %s | %,d |", state.label(), keys));
            for (String denominator : RATIOS) {
                row.append(String.format(" %.2f | %.2f |", checkpointed.medianRatio("P", denominator, state, keys),
                        uncheckpointed.medianRatio("P", denominator, state, keys)));
            }
            line.accept(row.toString());
        });
        line.accept("");
    }

    private void header() {
        line.accept("| state | " + settings.job().keyNoun() + " | A | R | S | P |");
        line.accept("|---|---:|---:|---:|---:|---:|");
    }

    private void forEachGroup(BiConsumer<StateKind, Integer> action) {
        for (StateKind state : settings.states()) {
            for (int keys : settings.keyCounts()) {
                if (checkpointed.has("P", state, keys)) {
                    action.accept(state, keys);
                }
            }
        }
    }

    private static String size(double bytes) {
        if (bytes < 0) {
            return "–";
        }
        if (bytes >= 1 << 20) {
            return String.format("%,.1f MiB", bytes / (1 << 20));
        }
        return bytes >= 1 << 10 ? String.format("%,.0f KiB", bytes / 1024) : String.format("%,.0f bytes", bytes);
    }
}
