package dev.streamlake.core.generator;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator as a Flink source: what a job gets does not depend on how it is read. */
class EventGeneratorSourceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final GeneratorSettings SETTINGS =
            GeneratorSettings.builder().seed(99L).eventsPerSecond(0).count(3_000).malformedShare(0.1).build();

    @Test
    void theSourceEmitsTheSameRecordsWhateverItsParallelism() throws Exception {
        EventGenerator<SensorReading> generator = SensorReadings.generator(SETTINGS);
        List<String> expected = new ArrayList<>();
        for (long index = 0; index < SETTINGS.count(); index++) {
            expected.add(describe(generator.decodedAt(index)));
        }
        Collections.sort(expected);

        List<String> alone = collect(generator.source(), 1, EventGeneratorSourceTest::describe);
        List<String> inPairs = collect(generator.source(), 2, EventGeneratorSourceTest::describe);

        assertThat(alone).hasSize(3_000).isEqualTo(expected);
        assertThat(inPairs).isEqualTo(alone);
    }

    @Test
    void aDifferentSeedMakesTheSourceEmitOtherRecords() throws Exception {
        GeneratorSettings small = SETTINGS.toBuilder().count(200).build();

        List<String> first = collect(SensorReadings.generator(small).source(), 2, EventGeneratorSourceTest::describe);
        List<String> other =
                collect(SensorReadings.generator(small.toBuilder().seed(100L).build()).source(), 2,
                        EventGeneratorSourceTest::describe);

        assertThat(other).hasSize(200).isNotEqualTo(first);
    }

    @Test
    void aRateLimitedRawSourceEmitsExactlyTheCountOfRecordBytes() throws Exception {
        GeneratorSettings limited = SETTINGS.toBuilder().eventsPerSecond(2_000).count(500).build();
        EventGenerator<SensorReading> generator = SensorReadings.generator(limited);
        List<String> expected = new ArrayList<>();
        for (long index = 0; index < limited.count(); index++) {
            expected.add(base64(generator.recordAt(index)));
        }
        Collections.sort(expected);

        List<String> emitted = collect(generator.rawSource(), 2, EventGeneratorSourceTest::base64);

        assertThat(emitted).hasSize(500).isEqualTo(expected);
    }

    @Test
    void everyReaderOfAnEndlessSourceStartsAtTheFirstRecords() throws Exception {
        GeneratorSettings endless =
                SETTINGS.toBuilder().count(0).eventsPerSecond(2_000).lateShare(0).malformedShare(0).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        List<Decoded<SensorReading>> first =
                env.fromSource(SensorReadings.generator(endless).source(), WatermarkStrategy.noWatermarks(), "generator")
                        .executeAndCollect(400);

        Instant soon = endless.startTime().plus(endless.eventInterval().multipliedBy(2_000));
        assertThat(first).hasSize(400).allSatisfy(record -> assertThat(record.getValue().getTs()).isBefore(soon));
    }

    @Test
    void anEndlessSourceStoppedAtParallelismTwoResumesAtParallelismOneWithEveryRecordOnce(@TempDir Path savepoints)
            throws Exception {
        LanedGeneratorSource<Long> endless =
                new LanedGeneratorSource<>(index -> index, 0, RateLimiterStrategy.perSecond(2_000), Types.LONG);

        JobClient before = startRecording(endless, 2, "before", null);
        awaitRecorded("before", 400);
        String savepoint =
                before.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();
        JobClient after = startRecording(endless, 1, "after", savepoint);
        awaitRecorded("after", 600);
        after.cancel().get();

        List<Long> resumed = List.copyOf(RecordIndices.RECORDED.get("after"));
        List<Long> all = new ArrayList<>(RecordIndices.RECORDED.get("before"));
        all.addAll(resumed);
        long highest = Collections.max(all);
        assertThat(resumed).isSorted();
        assertThat(all)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(0, highest).boxed().collect(Collectors.toList()));
    }

    private static JobClient startRecording(Source<Long, ?, ?> source, int parallelism, String run, String savepoint)
            throws Exception {
        RecordIndices.RECORDED.put(run, new ConcurrentLinkedQueue<>());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "generator")
                .uid("generator")
                .map(new RecordIndices(run))
                .uid("record")
                .sinkTo(new DiscardingSink<>())
                .uid("discard");
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
        }
        return env.executeAsync(graph);
    }

    private static void awaitRecorded(String run, int records) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (RecordIndices.RECORDED.get(run).size() < records) {
            assertThat(Instant.now()).as("%s records of the %s run", records, run).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** Notes the record indices a run has let through, in the order they came. */
    private static final class RecordIndices implements MapFunction<Long, Long> {

        private static final long serialVersionUID = 1L;

        static final Map<String, Queue<Long>> RECORDED = new ConcurrentHashMap<>();

        private final String run;

        RecordIndices(String run) {
            this.run = run;
        }

        @Override
        public Long map(Long index) {
            RECORDED.get(run).add(index);
            return index;
        }
    }

    // The collecting iterator's close() declares Exception, InterruptedException included.
    @SuppressWarnings("try")
    private static <O> List<String> collect(Source<O, ?, ?> source, int parallelism, Function<O, String> describe)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<O> records =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "generator").executeAndCollect()) {
            records.forEachRemaining(record -> out.add(describe.apply(record)));
        }
        Collections.sort(out);
        return out;
    }

    /** A decoded record without its ingestion time, which is the wall clock's. */
    private static String describe(Decoded<SensorReading> decoded) {
        if (decoded.isValue()) {
            return "event " + decoded.getValue();
        }
        DeadLetter letter = decoded.getDeadLetter();
        return "dead letter " + letter.getOrigin() + " " + base64(bytesOf(letter.getRaw())) + " "
                + letter.getErrorClass() + " " + letter.getErrorMessage();
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
