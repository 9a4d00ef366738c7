package dev.streamlake.core.watermark;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * {@code keyBy} for event-time steps: the keyed stream it returns never shows its step event
 * time going backwards, also right after a restore and at another parallelism.
 *
 * <pre>{@code
 * KeyedEventTime.keyBy(readings, SensorReading::getSensorId, Types.STRING, "sensor-window-statistics")
 *         .transform("Sensor window statistics", type, operator)
 *         .uid("sensor-window-statistics");
 * }</pre>
 *
 * <p>After the shuffle a {@link WatermarkFloor} (uid {@code <step uid>-event-time-floor}) restores
 * the step's own input watermark; the stream is then declared keyed again, so the floor runs
 * chained in front of the step, in the same task, at no cost of a second shuffle.
 *
 * <p>A keyed step with a second input (rules broadcast to it, say) cannot be chained behind the
 * floor: Flink chains one-input steps only. Such a step keys its input with a plain {@code keyBy}
 * and keeps its keyed input's floor itself with {@link FlooredWatermark}.
 */
public final class KeyedEventTime {

    private KeyedEventTime() {}

    /**
     * @param stepUid the uid of the keyed step that follows; the floor's uid derives from it, so it
     *     stays stable as long as the step's does
     */
    public static <T, K> KeyedStream<T, K> keyBy(
            DataStream<T> stream, KeySelector<T, K> key, TypeInformation<K> keyType, String stepUid) {
        SingleOutputStreamOperator<T> floored =
                stream.keyBy(key, keyType)
                        .transform("Event-time floor", stream.getType(), new WatermarkFloor<>())
                        .uid(stepUid + "-event-time-floor");
        return DataStreamUtils.reinterpretAsKeyedStream(floored, key, keyType);
    }
}
