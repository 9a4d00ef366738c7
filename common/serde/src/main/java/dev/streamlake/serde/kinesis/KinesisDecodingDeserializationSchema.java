package dev.streamlake.serde.kinesis;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordDecoder;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;

import java.time.Instant;

/**
 * Decodes Kinesis records; dead letters name the stream, shard, sequence number and the record's
 * approximate arrival time, so the bad record can be found and replayed.
 */
public final class KinesisDecodingDeserializationSchema<T>
        implements KinesisDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    static final String ORIGIN_SYSTEM = "kinesis";

    private final MeteredRecordDecoder<T> decoder;

    public KinesisDecodingDeserializationSchema(EventFormat<T> format) {
        this(new RecordDecoder<>(format));
    }

    public KinesisDecodingDeserializationSchema(RecordDecoder<T> decoder) {
        this.decoder = new MeteredRecordDecoder<>(decoder);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        decoder.open(context.getMetricGroup());
    }

    @Override
    public Decoded<T> deserialize(
            byte[] recordValue,
            String partitionKey,
            String seqNum,
            long approxArrivalTimestamp,
            String stream,
            String shardId) {
        RecordOrigin origin =
                new RecordOrigin(
                        ORIGIN_SYSTEM, stream, shardId, seqNum, Instant.ofEpochMilli(approxArrivalTimestamp));
        return decoder.decode(recordValue, origin);
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return decoder.producedType();
    }
}
