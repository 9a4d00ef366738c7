package dev.streamlake.core.local;

import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunnerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir Path workDir;

    @Test
    void theBannerShowsHowTheRunStartsTheWebUiTheCheckpointsAndEveryOutput() {
        List<LocalOutput> outputs =
                List.of(
                        LocalOutput.of("sensor stats", workDir.resolve("tables/sensor_stats")),
                        LocalOutput.of("dead letters", "kafka://localhost:9092/dead-letters"));
        LocalRunner runner = LocalRunner.create(settings(0), checkpointingEvery(Duration.ofSeconds(1)), outputs);

        String banner = runner.banner("sensor-stats");

        assertThat(banner)
                .contains("sensor-stats")
                .contains("Starting afresh: no completed checkpoint in " + checkpoints().toUri())
                .contains("http://127.0.0.1:" + runner.webUiPort().port() + "/")
                .contains(checkpoints().toUri().toString())
                .contains("sensor stats -> " + workDir.resolve("tables/sensor_stats").toUri())
                .contains("dead letters -> kafka://localhost:9092/dead-letters");
    }

    @Test
    void aJobRunsWithTheWebUiOnAFreePortWhenTheConfiguredOneIsTakenAndCheckpointsLocally() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Configuration twoReaders = checkpointingEvery(Duration.ofMillis(300));
            twoReaders.set(CoreOptions.DEFAULT_PARALLELISM, 2);
            LocalRunner runner = LocalRunner.create(settings(taken.getLocalPort()), twoReaders, List.of());
            StreamExecutionEnvironment env = runner.environment();
            GeneratorSettings unbounded = GeneratorSettings.builder().eventsPerSecond(200).build();
            env.fromSource(SensorReadings.generator(unbounded).source(), WatermarkStrategy.noWatermarks(), "readings")
                    .sinkTo(new DiscardingSink<>());

            JobClient client = env.executeAsync("local-runner-test");
            try {
                assertThat(runner.webUiPort().port()).isNotEqualTo(taken.getLocalPort());
                assertThat(runner.banner("local-runner-test")).contains("(port " + taken.getLocalPort() + " is taken)");
                assertThat(awaitPage(runner.webUiAddress())).contains("Apache Flink Web Dashboard");
                assertThat(awaitPage(runner.webUiAddress().resolve("jobs/overview"))).contains("local-runner-test");
                Path jobCheckpoints = checkpoints().resolve(client.getJobID().toHexString());
                awaitCompletedCheckpoint(jobCheckpoints);
            } finally {
                client.cancel().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> client.getJobExecutionResult().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .hasStackTraceContaining("cancel");
            awaitShutDown(runner.webUiAddress());
        }
    }

    @Test
    void executeRunsTheJobToItsEndPrintsTheBannerAndTheNextRunStartsAfresh() throws Exception {
        // No checkpoint in this short job, so none is still being written when the test ends.
        LocalRunner runner =
                LocalRunner.create(
                        settings(0), checkpointingEvery(Duration.ofHours(1)), List.of(LocalOutput.of("nowhere", "discarded")));
        GeneratorSettings bounded = GeneratorSettings.builder().eventsPerSecond(0).count(100).build();
        runner.environment()
                .fromSource(SensorReadings.generator(bounded).source(), WatermarkStrategy.noWatermarks(), "readings")
                .sinkTo(new DiscardingSink<>());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;

        JobExecutionResult result;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            result = runner.execute("bounded-run");
        } finally {
            System.setOut(console);
        }

        assertThat(result.getJobID()).isNotNull();
        awaitShutDown(runner.webUiAddress());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Local run of bounded-run")
                .contains(runner.webUiAddress().toString())
                .contains("nowhere -> discarded");
        assertThat(LocalRunner.create(settings(0), new Configuration(), List.of()).start())
                .hasToString("Starting afresh: the last run finished");
    }

    private LocalSettings settings(int webUiPort) {
        return new LocalSettings(webUiPort, workDir.resolve("local-run"), checkpoints().toUri(), false);
    }

    private Path checkpoints() {
        return workDir.resolve("checkpoints");
    }

    /**
     * Checkpoints kept when the job is cancelled, as {@code checkpoint.retain-on-cancel} keeps them
     * by default: otherwise Flink deletes them after the cancel while the test removes its directory.
     */
    private static Configuration checkpointingEvery(Duration interval) {
        Configuration configuration = new Configuration();
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return configuration;
    }

    /** The page's text once the Web UI answers with 200. */
    private static String awaitPage(URI address) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(5_000);
                if (connection.getResponseCode() == 200) {
                    try (InputStream body = connection.getInputStream()) {
                        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answer from " + address + " within " + PATIENCE, last);
    }

    /**
     * Waits until the job's MiniCluster is gone, which it shuts down by itself once the job has
     * ended, so that it writes no more checkpoint files while the test cleans up.
     */
    private static void awaitShutDown(URI address) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!accepts(address)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the local cluster at " + address + " is still up after " + PATIENCE);
    }

    private static boolean accepts(URI address) {
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitCompletedCheckpoint(Path jobCheckpoints) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(jobCheckpoints)) {
                try (Stream<Path> entries = Files.list(jobCheckpoints)) {
                    if (entries.anyMatch(dir -> Files.exists(dir.resolve("_metadata")))) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no completed checkpoint in " + jobCheckpoints + " within " + PATIENCE);
    }
}
