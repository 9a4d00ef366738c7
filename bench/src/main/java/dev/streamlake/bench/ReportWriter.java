package dev.streamlake.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The report.md of one run: machine, sizes, medians, ratios, checkpoints, watermark emissions
 * compared, memory, state size, end-to-end, goals.
 */
final class ReportWriter {

    /** The goals of every job; a job may have more of its own ({@link BenchedJob#ownGoals}). */
    static final double GOAL_P_OVER_R = 0.8;
    static final double GOAL_P_OVER_S = 1.5;

    private final BenchSettings settings;
    private final SegmentStatistics statistics;
    /** The second watermark emission's figures, when both ran. */
    private final Optional<SegmentStatistics> otherWatermarks;
    /** The same runs without checkpoints, when the control ran. */
    private final Optional<SegmentStatistics> withoutCheckpoints;
    private final List<Measurement> measurements;
    private final BenchedJob job;
    private final Map<Integer, Integer> distinctKeys;
    private final Optional<EndToEndResult> endToEnd;
    private final double minutes;
    private final StringBuilder out = new StringBuilder();

    ReportWriter(BenchSettings settings, SegmentStatistics statistics, Optional<SegmentStatistics> otherWatermarks,
            Optional<SegmentStatistics> withoutCheckpoints, List<Measurement> measurements, Map<Integer, Integer> distinctKeys, Optional<EndToEndResult> endToEnd,
            double minutes) {
        this.settings = settings;
        this.statistics = statistics;
        this.otherWatermarks = otherWatermarks;
        this.withoutCheckpoints = withoutCheckpoints;
        this.measurements = measurements;
        this.job = settings.job();
        this.distinctKeys = distinctKeys;
        this.endToEnd = endToEnd;
        this.minutes = minutes;
    }

    String markdown() {
        line("# Benchmark: " + job.title().toLowerCase(Locale.ROOT));
        line("");
        line("Run " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + String.format(", %.1f minutes for the whole run.", minutes));
        line("");
        line("## Machine");
        MachineDescription.describe().forEach(l -> line("- " + l));
        line("");
        line("## What ran");
        settings.describe().forEach(l -> line("- " + l));
        line("- figures: events per process-CPU-second (OperatingSystemMXBean.getProcessCpuTime deltas, whole JVM incl. "
                + "the embedded cluster) and wall events/s, from the first decoded record until the last sink sees the end "
                + "of its input (the cluster's teardown of the job is left out); the tables of throughput, ratios, "
                + "memory and goals are those of the " + (settings.checkpointing() ? "checkpointed" : "uncheckpointed")
                + " runs; "
                + "medians of the measured rounds; ratios are taken per round, then the median");
        for (Segment segment : job.segments()) {
            line("- " + segment.code() + ": " + segment.description());
        }
        line("");
        line("![events per CPU-second](chart.png)");
        line("");
        throughput();
        ratios();
        new CheckpointSections(settings, statistics, withoutCheckpoints, this::line).write();
        otherWatermarks.ifPresent(this::watermarkEmissions);
        memory();
        stateSize();
        endToEnd();
        goals();
        return out.toString();
    }

    private void throughput() {
        line("## Throughput (median events per CPU-second / per wall second)");
        line("");
        line("| state | " + job.keyNoun() + " | A | R | S | P |");
        line("|---|---:|---:|---:|---:|---:|");
        forEachGroup((state, keys) -> segmentRow(state, keys, code -> String.format("%,.0f / %,.0f",
                statistics.medianEventsPerCpuSecond(code, state, keys),
                statistics.medianEventsPerSecond(code, state, keys))));
        line("");
    }

    private void ratios() {
        line("## Ratios (events per CPU-second, median of per-round ratios)");
        line("");
        line("| state | " + job.keyNoun() + " | P/R | P/S | P/A |");
        line("|---|---:|---:|---:|---:|");
        forEachGroup((state, keys) -> line(String.format("| %s | %,d | %.2f | %.2f | %.2f |", state.label(), keys,
                statistics.medianRatio("P", "R", state, keys), statistics.medianRatio("P", "S", state, keys),
                statistics.medianRatio("P", "A", state, keys))));
        line("");
    }

    private void watermarkEmissions(SegmentStatistics other) {
        String main = settings.mainWatermarks().label();
        String second = settings.watermarks().get(1).label();
        line("## Watermarks " + main + " against " + second);
        line("");
        line("The tables above are the " + main + " runs. " + String.join(" and ", BenchMain.BOTH_EMISSIONS)
                + " also ran with " + second + " watermarks, back to back with their " + main
                + " run in every round; A's figures are the same for both (it has no event time). Figures are median "
                + "events per CPU-second / per wall second; " + main + "/" + second
                + " is events per CPU-second, taken per round, then the median: below 1 means " + main
                + " watermarks cost more.");
        line("");
        StringBuilder header = new StringBuilder("| state | " + job.keyNoun() + " |");
        StringBuilder align = new StringBuilder("|---|---:|");
        for (String code : BenchMain.BOTH_EMISSIONS) {
            header.append(String.format(" %1$s %2$s | %1$s %3$s | %1$s %2$s/%3$s |", code, main, second));
            align.append("---:|---:|---:|");
        }
        header.append(" P/R ").append(second).append(" | P/A ").append(second).append(" |");
        align.append("---:|---:|");
        line(header.toString());
        line(align.toString());
        forEachGroup((state, keys) -> {
            StringBuilder row = new StringBuilder(String.format("| %s | %,d |", state.label(), keys));
            for (String code : BenchMain.BOTH_EMISSIONS) {
                row.append(String.format(" %,.0f / %,.0f | %,.0f / %,.0f | %.2f |",
                        statistics.medianEventsPerCpuSecond(code, state, keys),
                        statistics.medianEventsPerSecond(code, state, keys),
                        other.medianEventsPerCpuSecond(code, state, keys),
                        other.medianEventsPerSecond(code, state, keys),
                        statistics.medianRatioTo(other, code, state, keys)));
            }
            row.append(String.format(" %.2f | %.2f |",
                    other.medianRatio("P", "R", state, keys), other.medianRatio("P", "A", state, keys)));
            line(row.toString());
        });
        line("");
    }

    private void memory() {
        line("## Memory (median peak live heap / peak heap / peak RSS during the segment, MiB)");
        line("");
        line("Peak live heap is the largest heap in use right after a garbage collection during the segment; peak heap "
                + "is the sum of the heap pools' peaks, garbage included, so it mostly shows how far G1 lets the heap "
                + "fill before collecting; RSS is VmRSS sampled every 100 ms and never shrinks much once the heap "
                + "grew. The whole JVM is measured: the embedded cluster and the event pool are part of every figure.");
        line("");
        line("| state | " + job.keyNoun() + " | A | R | S | P |");
        line("|---|---:|---:|---:|---:|---:|");
        forEachGroup((state, keys) -> segmentRow(state, keys, code -> {
            double live = statistics.medianPeakLiveHeapBytes(code, state, keys);
            return String.format("%s / %,.0f / %,.0f",
                    live < 0 ? "no GC" : String.format("%,.0f", live / (1 << 20)),
                    statistics.medianPeakHeapBytes(code, state, keys) / (1 << 20),
                    statistics.medianPeakRssBytes(code, state, keys) / (1 << 20));
        }));
        line("");
    }

    private void stateSize() {
        String noun = job.keyNoun();
        line("## Checkpointed state at " + String.format("%,d", BenchMain.STATE_PROBE_KEYS) + " " + noun);
        line("");
        if (!distinctKeys.containsKey(BenchMain.STATE_PROBE_KEYS)) {
            line("Not measured: the run had no pool of " + String.format("%,d", BenchMain.STATE_PROBE_KEYS) + " " + noun + ".");
            line("");
            return;
        }
        int keysInState = distinctKeys.get(BenchMain.STATE_PROBE_KEYS);
        line("Full (non-incremental) checkpoints every 200 ms in a run of its own in the warm-up round; the largest completed one. "
                + String.format("The pool's records name %,d distinct %s, so that is the most any state holds; ", keysInState, noun)
                + "per " + job.keyName() + " is the state size over that count.");
        line("");
        line("| segment | state | checkpointed state | per " + job.keyName() + " |");
        line("|---|---|---:|---:|");
        measurements.stream()
                .filter(m -> m.warmUp() && m.checkpointedStateBytes >= 0)
                .forEach(m -> line(String.format("| %s | %s | %,.1f MiB | %,.0f bytes |", m.segment, m.state.label(),
                        m.checkpointedStateBytes / (double) (1 << 20),
                        m.checkpointedStateBytes / (double) Math.max(1, keysInState))));
        line("");
    }

    private void endToEnd() {
        if (!job.hasEndToEnd()) {
            line("## End to end");
            line("");
            line("None for " + job.name() + " yet.");
            line("");
            return;
        }
        line("## End to end: generator → Kafka → job → Delta (local file system)");
        line("");
        line(endToEnd.map(result -> "Heap state, checkpoints every 2 s, tumbling 5 s windows, 1,000 sensors, no late readings (1% malformed). "
                + "Latency of a statistics row = Delta commit time (log file time) − event time of its newest reading, "
                + "records being produced when their event time is due; first emissions (revision 0) only, as a revision "
                + "for a late reading carries the late reading's old event time. " + result.summary() + ".")
                .orElse("Not run (--e2e false)."));
        line("");
    }

    private void goals() {
        line("## Goals");
        line("");
        forEachGroup((state, keys) -> {
            double pr = statistics.medianRatio("P", "R", state, keys);
            double ps = statistics.medianRatio("P", "S", state, keys);
            line(String.format("- %s, %,d " + job.keyNoun() + ": P/R %.2f %s %.1f), P/S %.2f %s %.1f)", state.label(), keys,
                    pr, verdict(pr >= GOAL_P_OVER_R), GOAL_P_OVER_R, ps, verdict(ps >= GOAL_P_OVER_S), GOAL_P_OVER_S));
        });
        job.ownGoals(statistics).forEach(goal -> line("- " + goal));
        line("");
    }

    /** A table row with one cell per segment, in the order A, R, S, P. */
    private void segmentRow(StateKind state, int keys, Function<String, String> cell) {
        StringBuilder row = new StringBuilder("| " + state.label() + " | " + String.format("%,d", keys) + " |");
        for (Segment segment : job.segments()) {
            row.append(' ').append(cell.apply(segment.code())).append(" |");
        }
        line(row.toString());
    }

    static String verdict(boolean met) {
        return met ? "(met: goal ≥" : "(MISSED: goal ≥";
    }

    private void forEachGroup(BiConsumer<StateKind, Integer> action) {
        for (StateKind state : settings.states()) {
            for (int keys : settings.keyCounts()) {
                if (statistics.has("P", state, keys)) {
                    action.accept(state, keys);
                }
            }
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
