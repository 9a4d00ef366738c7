package dev.streamlake.core.generator;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordDecoder;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic stream of records: record {@code i} is a pure function of the seed and {@code
 * i}, the same whatever the parallelism, the split of the index range, restarts or timing.
 *
 * <p>Each record is an event made by an {@link EventRecipe}, encoded with an {@link EventFormat}
 * and, for the malformed share, spoiled by one of the given {@link Corruption}s. The {@link
 * #source() source} decodes every record through a {@link RecordDecoder}, exactly as a Kafka or
 * Kinesis source would, so a job meets good events and dead letters alike; {@link #recordAt} and
 * {@link #rawSource()} give the bytes themselves, to fill a topic or a stream or to pre-generate
 * records for a benchmark.
 *
 * <p>Parallel readers of a source share the records in lanes ({@link GeneratorLanes}): with two
 * readers one makes the even, the other the odd indices, so both move through event time
 * together.
 */
public final class EventGenerator<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The origin system of generated records, as in dead letters. */
    public static final String ORIGIN_SYSTEM = "generator";

    private final GeneratorSettings settings;
    private final EventRecipe<T> recipe;
    private final EventFormat<T> format;
    private final List<Corruption> corruptions;
    private final EventSchedule schedule;

    /** Reads with its own copy of the format, as a consumer would; each copy is opened once. */
    private final RecordDecoder<T> decoder;

    private transient boolean formatOpened;
    private transient boolean decoderOpened;

    /**
     * @param corruptions the defects a malformed record may have, each chosen equally often; may
     *     be empty only when the settings ask for no malformed records
     */
    public EventGenerator(
            GeneratorSettings settings, EventRecipe<T> recipe, EventFormat<T> format, List<Corruption> corruptions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.format = Objects.requireNonNull(format, "format");
        this.decoder = new RecordDecoder<>(copyOf(format));
        this.corruptions = List.copyOf(corruptions);
        if (settings.malformedShare() > 0 && this.corruptions.isEmpty()) {
            throw new IllegalArgumentException(
                    GeneratorKeys.MALFORMED_SHARE.name() + " is " + settings.malformedShare()
                            + " but no corruption is given for the " + format.name() + " format");
        }
        this.schedule = new EventSchedule(settings);
    }

    public GeneratorSettings settings() {
        return settings;
    }

    public EventFormat<T> format() {
        return format;
    }

    /** The event of record {@code index}, before encoding and any corruption. */
    public T eventAt(long index) {
        int key = SeededRandom.KEY.at(settings.seed(), index).nextInt(settings.keys());
        return recipe.create(new EventDraw(settings.seed(), index, schedule.eventTime(index), key));
    }

    /** All there is to know about record {@code index}. */
    public GeneratedRecord<T> generate(long index) {
        T event = eventAt(index);
        byte[] encoded = encode(event);
        SplittableRandom random = SeededRandom.MALFORMED.at(settings.seed(), index);
        Corruption corruption = null;
        if (random.nextDouble() < settings.malformedShare()) {
            corruption = corruptions.get(random.nextInt(corruptions.size()));
            encoded = corruption.apply(encoded, random);
        }
        return new GeneratedRecord<>(
                index,
                event,
                schedule.dueTime(index),
                schedule.eventTime(index),
                schedule.isLate(index),
                corruption,
                encoded);
    }

    /** The bytes of record {@code index} as a source would deliver them. */
    public byte[] recordAt(long index) {
        return generate(index).bytes();
    }

    /** Record {@code index} decoded: the event, or a dead letter for a malformed record. */
    public Decoded<T> decodedAt(long index) {
        if (!decoderOpened) {
            open(decoder.format());
            decoderOpened = true;
        }
        return decoder.decode(recordAt(index), originAt(index));
    }

    /** Where record {@code index} comes from: this generator, at that position. */
    public RecordOrigin originAt(long index) {
        return RecordOrigin.newBuilder()
                .setSystem(ORIGIN_SYSTEM)
                .setName(settings.name())
                .setPosition(Long.toString(index))
                .build();
    }

    /**
     * A source of decoded records: events, and dead letters for the malformed share, counted in
     * the same metrics as those of every other source ({@link MeteredRecordDecoder}).
     */
    public DataGeneratorSource<Decoded<T>> source() {
        return source(
                new DecodingFunction<>(this, new MeteredRecordDecoder<>(decoder)),
                Decoded.typeInfo(format.eventType()));
    }

    /** A source of the records' bytes, e.g. to write them into a topic or a stream. */
    public DataGeneratorSource<byte[]> rawSource() {
        return source(this::recordAt, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    private <O> DataGeneratorSource<O> source(GeneratorFunction<Long, O> function, TypeInformation<O> type) {
        RateLimiterStrategy rate =
                settings.eventsPerSecond() == 0
                        ? RateLimiterStrategy.noOp()
                        : RateLimiterStrategy.perSecond(settings.eventsPerSecond());
        return new LanedGeneratorSource<>(function, settings.count(), rate, type);
    }

    private byte[] encode(T event) {
        if (!formatOpened) {
            open(format);
            formatOpened = true;
        }
        return format.encode(event);
    }

    private static void open(EventFormat<?> format) {
        try {
            format.open();
        } catch (Exception e) {
            throw new IllegalStateException("the " + format.name() + " format could not be opened", e);
        }
    }

    private static <F extends EventFormat<?>> F copyOf(F format) {
        try {
            return InstantiationUtil.clone(format);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("the " + format.name() + " format cannot be serialized", e);
        }
    }

    /** Decodes each generated record on the reader, as a connector's deserializer would. */
    private static final class DecodingFunction<T> implements GeneratorFunction<Long, Decoded<T>> {

        private static final long serialVersionUID = 1L;

        private final EventGenerator<T> generator;
        private final MeteredRecordDecoder<T> decoder;

        DecodingFunction(EventGenerator<T> generator, MeteredRecordDecoder<T> decoder) {
            this.generator = generator;
            this.decoder = decoder;
        }

        @Override
        public void open(SourceReaderContext readerContext) throws Exception {
            decoder.open(readerContext.metricGroup());
        }

        @Override
        public Decoded<T> map(Long index) {
            return decoder.decode(generator.recordAt(index), generator.originAt(index));
        }
    }
}
