package dev.streamlake.core.generator;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A reader output that keeps each record with the split output it came through. */
final class RecordingReaderOutput<T> implements ReaderOutput<T> {

    /** The split of records collected on the main output rather than a split's own. */
    static final String MAIN_OUTPUT = "main";

    private final List<T> records = new ArrayList<>();
    private final Map<String, List<T>> recordsBySplit = new HashMap<>();
    private final List<String> releasedSplits = new ArrayList<>();
    private Consumer<T> onRecord = record -> {};
    private boolean idle;

    /** Lets a test act while a record is being emitted, as a watermark generator may. */
    void whenRecording(Consumer<T> onRecord) {
        this.onRecord = onRecord;
    }

    List<T> records() {
        return records;
    }

    List<T> recordsOf(String splitId) {
        return recordsBySplit.getOrDefault(splitId, List.of());
    }

    List<String> releasedSplits() {
        return releasedSplits;
    }

    boolean isIdle() {
        return idle;
    }

    @Override
    public void collect(T record) {
        record(MAIN_OUTPUT, record);
    }

    @Override
    public void collect(T record, long timestamp) {
        record(MAIN_OUTPUT, record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {
        idle = true;
    }

    @Override
    public void markActive() {
        idle = false;
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return new SourceOutput<>() {
            @Override
            public void collect(T record) {
                record(splitId, record);
            }

            @Override
            public void collect(T record, long timestamp) {
                record(splitId, record);
            }

            @Override
            public void emitWatermark(Watermark watermark) {}

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        };
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        releasedSplits.add(splitId);
    }

    private void record(String splitId, T record) {
        records.add(record);
        recordsBySplit.computeIfAbsent(splitId, id -> new ArrayList<>()).add(record);
        onRecord.accept(record);
    }
}
