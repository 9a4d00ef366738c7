package dev.streamlake.jobs.sensorstats;

/**
 * One sensor's window while it can still change: its end, its running statistics (inherited, so
 * a window is one object to reach, not two), how many times it has been emitted, and the readings
 * it must recognise as duplicates; serialized as part of {@link SensorWindows}.
 *
 * <p>A window remembers the readings for which it is the newest window covering them, as it is
 * the last of those windows to go. Most windows of a sparse sensor remember a single reading,
 * kept inline; a {@link ReadingSet} is made for the second.
 */
final class OpenWindow extends SensorStatsAccumulator {

    /** Exclusive end in epoch milliseconds; the start is the end minus the window size. */
    final long end;

    /** The revision the next emission carries: 0 until the window first fires. */
    int nextRevision;

    /**
     * Whether {@link WindowDeadlines} lists this window's deadlines still ahead, as it does for
     * windows written out when their sensor was let go or restored; not kept in state.
     */
    boolean deadlinesListed;

    private boolean remembersReading;
    private long rememberedTs;
    private double rememberedValue;
    private ReadingSet more;

    OpenWindow(long end) {
        this.end = end;
    }

    /** Remembers the reading; false if it was remembered before, i.e. this is a duplicate. */
    boolean remember(long ts, double value) {
        if (!remembersReading) {
            remembersReading = true;
            rememberedTs = ts;
            rememberedValue = value;
            return true;
        }
        if (rememberedTs == ts && Double.compare(rememberedValue, value) == 0) {
            return false;
        }
        if (more == null) {
            more = new ReadingSet();
        }
        return more.add(ts, value);
    }

    int rememberedReadings() {
        return !remembersReading ? 0 : more == null ? 1 : 1 + more.size();
    }

    void forEachRemembered(ReadingSet.ReadingVisitor visitor) {
        if (remembersReading) {
            visitor.visit(rememberedTs, rememberedValue);
        }
        if (more != null) {
            more.forEach(visitor);
        }
    }

    /** A deep copy: the two change independently. */
    OpenWindow copy() {
        OpenWindow copy = new OpenWindow(end);
        copy.nextRevision = nextRevision;
        copy.remembersReading = remembersReading;
        copy.rememberedTs = rememberedTs;
        copy.rememberedValue = rememberedValue;
        copy.more = more == null ? null : more.copy();
        copy.count = count;
        copy.min = min;
        copy.max = max;
        copy.mean = mean;
        copy.m2 = m2;
        copy.firstTs = firstTs;
        copy.firstReading = firstReading;
        copy.lastTs = lastTs;
        copy.lastReading = lastReading;
        copy.site = site;
        copy.unit = unit;
        return copy;
    }
}
