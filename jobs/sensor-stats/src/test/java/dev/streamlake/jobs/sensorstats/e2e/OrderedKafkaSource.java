package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaSourceFactory;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.testing.flink.InjectedFailures;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * The job's Kafka source, built from its configuration as in production, with {@link
 * PerEventWatermarks} and followed by failures to inject. Run on a one-partition topic with
 * parallelism 1, every run meets the records in the same order under the same watermarks, before
 * and after a recovery. The rest of the topology is the job's own.
 */
final class OrderedKafkaSource implements EventSource<SensorReading> {

    private final JobConfig settings;
    private final List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures;

    OrderedKafkaSource(
            JobConfig settings, List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures) {
        this.settings = settings;
        this.failures = failures;
    }

    @Override
    public DataStream<Decoded<SensorReading>> createStream(StreamExecutionEnvironment env) {
        EventFormat<SensorReading> format = SensorStatsWiring.readingFormat(settings);
        TypeInformation<Decoded<SensorReading>> type = Decoded.typeInfo(format.eventType());
        SingleOutputStreamOperator<Decoded<SensorReading>> stream =
                env.fromSource(
                                KafkaSourceFactory.create(SensorStatsWiring.readingsConfig(settings), format),
                                PerEventWatermarks.strategy(SensorStatsWiring.readingsConfig(settings).get(WatermarkKeys.OUT_OF_ORDERNESS)),
                                "Kafka source",
                                type)
                        .uid("kafka-source");
        return InjectedFailures.after(stream, "readings", failures);
    }
}
