package dev.streamlake.serde;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * A format whose decoded events must also pass a rule. Checking at decoding time means an event
 * that breaks the rule becomes a dead letter with its original bytes, exactly like unparsable
 * input, instead of being rejected later when the bytes are gone.
 */
public final class ValidatedFormat<T> implements EventFormat<T> {

    private static final long serialVersionUID = 1L;

    private final EventFormat<T> format;
    private final EventRule<T> rule;

    public ValidatedFormat(EventFormat<T> format, EventRule<T> rule) {
        this.format = Objects.requireNonNull(format, "format");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String name() {
        return format.name();
    }

    @Override
    public TypeInformation<T> eventType() {
        return format.eventType();
    }

    @Override
    public void open() throws Exception {
        format.open();
    }

    @Override
    public T decode(byte[] bytes) throws MalformedRecordException {
        return decode(null, bytes);
    }

    @Override
    public T decode(byte[] messageKey, byte[] bytes) throws MalformedRecordException {
        T event = format.decode(messageKey, bytes);
        String violation = rule.violation(event).orElse(null);
        if (violation != null) {
            throw new RuleViolationException(violation);
        }
        return event;
    }

    @Override
    public boolean skipsAbsentValues() {
        return format.skipsAbsentValues();
    }

    @Override
    public byte[] encode(T event) {
        return format.encode(event);
    }
}
