package dev.streamlake.bench;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.source.ConnectorEventSource;
import dev.streamlake.core.source.DecodedWatermarks;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.kafka.KafkaDecodingDeserializationSchema;
import dev.streamlake.testing.kafka.KRaftNode;

import io.delta.kernel.utils.FileStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Generator → Kafka (the in-process test-bed broker) → the job → Delta tables on the local file
 * system, at a fixed rate below capacity. Records are produced when their event time is due (one
 * per millisecond of event time), so event time is wall time and the latency of a statistics row
 * is its commit time minus the event time of its newest reading: what a reader of the table waits
 * for the last reading of a window to become visible. Late readings (whose event time lies far
 * behind their sending time) are left out of this run, so event time stays sending time.
 */
final class EndToEndRun {

    private static final String TOPIC = "sensor-readings";
    private static final int SENSORS = 1_000;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    /** Time after the last record for its window to close, fire and be committed. */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private final BenchCluster cluster;
    private final BenchSettings settings;
    private final Path directory;

    EndToEndRun(BenchCluster cluster, BenchSettings settings, Path directory) {
        this.cluster = cluster;
        this.settings = settings;
        this.directory = directory;
    }

    EndToEndResult run() throws Exception {
        int rate = settings.e2eRate();
        long count = rate * settings.e2eDuration().getSeconds();
        Instant start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(SensorStatsBench.poolSettings(SENSORS, count).toBuilder()
                        .startTime(start)
                        .lateShare(0)
                        .eventInterval(Duration.ofNanos(1_000_000_000L / rate))
                        .build());
        List<byte[]> records = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            records.add(generator.recordAt(i));
        }
        KRaftNode broker = KRaftNode.start();
        try {
            createTopic(broker.bootstrapServers());
            String stats = table("stats");
            JobClient job = startJob(broker.bootstrapServers(), stats);
            produce(broker.bootstrapServers(), records, start, rate);
            Thread.sleep(DRAIN.toMillis());
            job.cancel().get(1, TimeUnit.MINUTES);
            return measure(count, rate, stats);
        } finally {
            broker.close();
        }
    }

    private JobClient startJob(String bootstrapServers, String statsTable) throws Exception {
        Configuration config = new Configuration();
        StateKind.HEAP.applyTo(config);
        BenchCluster.checkpointTo(config, directory.resolve("checkpoints"));
        StreamExecutionEnvironment env = cluster.environment(config);
        env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        KafkaSource<Decoded<SensorReading>> source =
                KafkaSource.<Decoded<SensorReading>>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(TOPIC)
                        .setGroupId("bench")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new KafkaDecodingDeserializationSchema<>(SensorProjectSegment.readingFormat()))
                        .build();
        ConnectorEventSource<SensorReading> events =
                new ConnectorEventSource<>(
                        source,
                        DecodedWatermarks.of(PoolEventSource.OUT_OF_ORDERNESS, Duration.ZERO,
                                reading -> reading.getTs().toEpochMilli()),
                        Decoded.typeInfo(TypeInformation.of(SensorReading.class)),
                        "kafka-source",
                        "Kafka source: " + TOPIC);
        JobConfig job =
                SensorProjectSegment.config(
                        WINDOW,
                        Map.of(
                                "delta.stats.path", statsTable,
                                "delta.dead-letters.path", table("dead-letters"),
                                "delta.too-late.path", table("too-late")));
        JobAssembly.of(new SensorStatsJob(), job).replacingSource(SensorStatsJob.READINGS, events).addTo(env);
        return env.executeAsync("end-to-end");
    }

    private String table(String name) {
        return directory.resolve("tables").resolve(name).toUri().toString();
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    /** Sends each record when its event time is due, so the rate is fixed and event time is wall time. */
    private static void produce(String bootstrapServers, List<byte[]> records, Instant start, int rate)
            throws InterruptedException {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        long startMillis = start.toEpochMilli();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records.size(); i++) {
                long due = startMillis + i * 1000L / rate;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                producer.send(new ProducerRecord<>(TOPIC, records.get(i)));
            }
        }
    }

    private EndToEndResult measure(long count, int rate, String statsTable) throws Exception {
        DeltaTableReader stats = new DeltaTableReader(statsTable);
        long latest = stats.latestVersion();
        Path log = logDirectory(statsTable);
        List<Double> latencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (long version = 0; version <= latest; version++) {
            long committedAt = Files.getLastModifiedTime(log.resolve(String.format("%020d.json", version))).toMillis();
            for (Map<String, Object> row : stats.readVersion(version)) {
                String key = row.get("sensor_id") + "/" + row.get("window_start") + "/" + row.get("revision");
                if (seen.add(key) && ((Number) row.get("revision")).intValue() == 0) {
                    latencies.add((double) (committedAt - ((Instant) row.get("last_ts")).toEpochMilli()));
                }
            }
        }
        List<FileStatus> files = stats.dataFiles(stats.latestSnapshot());
        return new EndToEndResult(count, rate, seen.size(), percentile(latencies, 0.50), percentile(latencies, 0.99),
                latest + 1, files.size(), files.stream().mapToLong(FileStatus::getSize).sum(),
                rows(table("dead-letters")), rows(table("too-late")));
    }

    /** The rows of a table; a sink creates its table with its first commit, so none means no rows. */
    private static long rows(String table) {
        if (!Files.isDirectory(logDirectory(table))) {
            return 0;
        }
        return new DeltaTableReader(table).readLatest().size();
    }

    private static Path logDirectory(String table) {
        return Path.of(URI.create(table)).resolve("_delta_log");
    }

    private static double percentile(List<Double> values, double share) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1));
    }
}
