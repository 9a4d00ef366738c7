package dev.streamlake.bench;

/** What the end-to-end run produced: latencies from event to Delta commit and the files written. */
final class EndToEndResult {

    final long eventsProduced;
    final int rate;
    final long statsRows;
    final double latencyP50Millis;
    final double latencyP99Millis;
    final long commits;
    final long dataFiles;
    final long dataBytes;
    final long deadLetterRows;
    final long tooLateRows;

    EndToEndResult(long eventsProduced, int rate, long statsRows, double latencyP50Millis, double latencyP99Millis,
            long commits, long dataFiles, long dataBytes, long deadLetterRows, long tooLateRows) {
        this.eventsProduced = eventsProduced;
        this.rate = rate;
        this.statsRows = statsRows;
        this.latencyP50Millis = latencyP50Millis;
        this.latencyP99Millis = latencyP99Millis;
        this.commits = commits;
        this.dataFiles = dataFiles;
        this.dataBytes = dataBytes;
        this.deadLetterRows = deadLetterRows;
        this.tooLateRows = tooLateRows;
    }

    String summary() {
        return String.format("%,d events at %,d/s → %,d statistics rows; event-to-commit p50 %.0f ms, p99 %.0f ms; "
                        + "%d commits, %d data files (%,d bytes) in the statistics table; %,d dead letters, %,d too-late readings",
                eventsProduced, rate, statsRows, latencyP50Millis, latencyP99Millis, commits, dataFiles, dataBytes,
                deadLetterRows, tooLateRows);
    }
}
