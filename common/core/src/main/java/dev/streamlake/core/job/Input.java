package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.privacy.DeadLetterSealer;
import dev.streamlake.core.source.EventTimeExtractor;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named input of a job: what its events are, which wire formats it accepts, where an event's
 * time is and, optionally, cleansing rules and a generator for local runs. Its keys are the
 * input's name followed by the shared input keys ({@code readings.source.type}, {@code
 * readings.kafka.topics}, {@code readings.format}...), and its operators' uids start with the name.
 *
 * <pre>{@code
 * static final Input<SensorReading> READINGS =
 *         Input.of("readings", SensorReading.class, reading -> reading.getTs().toEpochMilli())
 *                 .formats(InputFormat.JSON, InputFormat.CONFLUENT_AVRO)
 *                 .build();
 * }</pre>
 */
public final class Input<T extends SpecificRecord> {

    private final String name;
    private final Class<T> type;
    private final TypeInformation<T> typeInfo;
    private final EventTimeExtractor<T> eventTime;
    private final List<InputFormat> formats;
    private final EventRuleFactory<T> rules;
    private final EventGeneratorFactory<T> generator;
    private final ConfigKey<String> sealingSecret;

    private Input(Builder<T> builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.typeInfo = builder.typeInfo != null ? builder.typeInfo : TypeInformation.of(builder.type);
        this.eventTime = builder.eventTime;
        this.formats = List.copyOf(builder.formats);
        this.rules = builder.rules;
        this.generator = builder.generator;
        this.sealingSecret = builder.sealingSecret;
    }

    /**
     * @param name lower case letters, digits and hyphens; the start of the input's keys and uids
     * @param eventTime the event's time in epoch milliseconds
     */
    public static <T extends SpecificRecord> Builder<T> of(
            String name, Class<T> type, EventTimeExtractor<T> eventTime) {
        return new Builder<>(name, type, eventTime);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public TypeInformation<T> typeInfo() {
        return typeInfo;
    }

    public EventTimeExtractor<T> eventTime() {
        return eventTime;
    }

    /** The formats this input accepts; the first is the default. */
    public List<InputFormat> formats() {
        return formats;
    }

    InputFormat defaultFormat() {
        return formats.get(0);
    }

    public Optional<EventRuleFactory<T>> rules() {
        return Optional.ofNullable(rules);
    }

    public Optional<EventGeneratorFactory<T>> generator() {
        return Optional.ofNullable(generator);
    }

    /** The secret key that seals this input's dead letters, if its events carry personal data. */
    public Optional<ConfigKey<String>> sealingSecret() {
        return Optional.ofNullable(sealingSecret);
    }

    @Override
    public String toString() {
        return "input " + name;
    }

    /** Declares an input. */
    public static final class Builder<T extends SpecificRecord> {

        private final String name;
        private final Class<T> type;
        private final EventTimeExtractor<T> eventTime;
        private TypeInformation<T> typeInfo;
        private List<InputFormat> formats = List.of(InputFormat.JSON);
        private EventRuleFactory<T> rules;
        private EventGeneratorFactory<T> generator;
        private ConfigKey<String> sealingSecret;

        private Builder(String name, Class<T> type, EventTimeExtractor<T> eventTime) {
            this.name = Names.check(name);
            this.type = Objects.requireNonNull(type, "type");
            this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        }

        /** The formats accepted, the first being the default; JSON alone when not called. */
        public Builder<T> formats(InputFormat first, InputFormat... others) {
            List<InputFormat> all = new ArrayList<>(List.of(first));
            all.addAll(List.of(others));
            this.formats = all;
            return this;
        }

        /** The type information of the events, when Flink's own for the class is not the one wanted. */
        public Builder<T> typeInfo(TypeInformation<T> info) {
            this.typeInfo = Objects.requireNonNull(info, "info");
            return this;
        }

        /** Cleansing rules applied while decoding: an event that breaks one becomes a dead letter. */
        public Builder<T> rules(EventRuleFactory<T> factory) {
            this.rules = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The generator behind {@code source.type=generator}, e.g. for the local run. */
        public Builder<T> generator(EventGeneratorFactory<T> factory) {
            this.generator = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The events carry personal data: the input's dead letters keep their bytes sealed under
         * the secret of this key, and the values their reasons quote masked ({@link DeadLetterSealer}),
         * so that no personal value reaches the dead-letter table in clear.
         */
        public Builder<T> personal(ConfigKey<String> secret) {
            this.sealingSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Input<T> build() {
            return new Input<>(this);
        }
    }
}
