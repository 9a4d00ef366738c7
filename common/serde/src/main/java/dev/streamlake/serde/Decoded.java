package dev.streamlake.serde;

import dev.streamlake.events.DeadLetter;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of decoding one raw record: either an event or a dead letter, never neither.
 *
 * <p>A Flink POJO so that sources can emit it without a Kryo fallback; use {@link
 * #typeInfo(TypeInformation)} to give Flink its type. The setters and the public no-argument
 * constructor exist for Flink's POJO serializer only.
 */
public final class Decoded<T> {

    private T value;
    private DeadLetter deadLetter;

    /** For Flink's POJO serializer. */
    public Decoded() {}

    public static <T> Decoded<T> of(T value) {
        Decoded<T> decoded = new Decoded<>();
        decoded.value = Objects.requireNonNull(value, "value");
        return decoded;
    }

    public static <T> Decoded<T> failed(DeadLetter deadLetter) {
        Decoded<T> decoded = new Decoded<>();
        decoded.deadLetter = Objects.requireNonNull(deadLetter, "deadLetter");
        return decoded;
    }

    /** Flink type information for decoded records of the given event type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<Decoded<T>> typeInfo(TypeInformation<T> valueType) {
        return (TypeInformation)
                Types.POJO(
                        Decoded.class,
                        Map.of(
                                "value", valueType,
                                "deadLetter", TypeInformation.of(DeadLetter.class)));
    }

    public boolean isValue() {
        return value != null;
    }

    public T getValue() {
        return value;
    }

    public void setValue(T value) {
        this.value = value;
    }

    public DeadLetter getDeadLetter() {
        return deadLetter;
    }

    public void setDeadLetter(DeadLetter deadLetter) {
        this.deadLetter = deadLetter;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Decoded)) {
            return false;
        }
        Decoded<?> other = (Decoded<?>) o;
        return Objects.equals(value, other.value) && Objects.equals(deadLetter, other.deadLetter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, deadLetter);
    }

    @Override
    public String toString() {
        return isValue() ? "Decoded{" + value + "}" : "Decoded{dead letter: " + deadLetter + "}";
    }
}
