package dev.streamlake.core.config;

import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the text of a configuration value becomes a typed value and back.
 *
 * <p>Parsing is strict on purpose: a typo such as {@code yes} for a boolean or {@code 30} for a
 * duration (seconds? milliseconds?) fails at start instead of meaning something unexpected.
 */
public final class ValueType<T> {

    private final String format;
    private final Function<String, T> parser;
    private final Function<T, String> renderer;

    private ValueType(String format, Function<String, T> parser, Function<T, String> renderer) {
        this.format = format;
        this.parser = parser;
        this.renderer = renderer;
    }

    /**
     * A type from its description and two functions; the parser throws {@link
     * IllegalArgumentException} for text it does not accept.
     */
    public static <T> ValueType<T> of(String format, Function<String, T> parser, Function<T, String> renderer) {
        return new ValueType<>(
                Objects.requireNonNull(format, "format"),
                Objects.requireNonNull(parser, "parser"),
                Objects.requireNonNull(renderer, "renderer"));
    }

    public static ValueType<String> string() {
        return of("a text", text -> text, text -> text);
    }

    public static ValueType<Integer> integer() {
        return of("a whole number", ValueType::parseInt, String::valueOf);
    }

    public static ValueType<Integer> positiveInt() {
        return of(
                "a whole number greater than 0",
                text -> {
                    int value = parseInt(text);
                    if (value <= 0) {
                        throw new IllegalArgumentException("the number must be greater than 0");
                    }
                    return value;
                },
                String::valueOf);
    }

    public static ValueType<Integer> nonNegativeInt() {
        return of(
                "a whole number, 0 or more",
                text -> {
                    int value = parseInt(text);
                    if (value < 0) {
                        throw new IllegalArgumentException("the number must not be negative");
                    }
                    return value;
                },
                String::valueOf);
    }

    public static ValueType<Double> decimal() {
        return of(
                "a decimal number such as 1.5",
                text -> {
                    try {
                        double value = Double.parseDouble(text);
                        if (Double.isNaN(value) || Double.isInfinite(value)) {
                            throw new IllegalArgumentException("not a finite number");
                        }
                        return value;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a decimal number", e);
                    }
                },
                String::valueOf);
    }

    public static ValueType<Boolean> bool() {
        return of(
                "true or false",
                text -> {
                    if (text.equalsIgnoreCase("true")) {
                        return true;
                    }
                    if (text.equalsIgnoreCase("false")) {
                        return false;
                    }
                    throw new IllegalArgumentException("not true or false");
                },
                String::valueOf);
    }

    /** A duration with a unit: {@code 500ms}, {@code 30s}, {@code 5min}, {@code 1h}, {@code 2d}. */
    public static ValueType<Duration> duration() {
        return of(
                "a duration with a unit, such as 500ms, 30s, 5min, 1h or 2d",
                text -> {
                    if (text.chars().allMatch(Character::isDigit)) {
                        throw new IllegalArgumentException("the duration has no unit");
                    }
                    Duration value = TimeUtils.parseDuration(text);
                    if (value.isNegative()) {
                        throw new IllegalArgumentException("the duration is negative");
                    }
                    return value;
                },
                TimeUtils::formatWithHighestUnit);
    }

    /** A size with a unit: {@code 512kb}, {@code 128mb}, {@code 1gb}. */
    public static ValueType<MemorySize> memorySize() {
        return of(
                "a size with a unit, such as 512kb, 128mb or 1gb",
                text -> {
                    if (text.chars().allMatch(Character::isDigit)) {
                        throw new IllegalArgumentException("the size has no unit");
                    }
                    return MemorySize.parse(text);
                },
                MemorySize::toHumanReadableString);
    }

    /** A point in time: ISO-8601 ({@code 2024-05-01T00:00:00Z}) or epoch milliseconds. */
    public static ValueType<Instant> instant() {
        return of(
                "an ISO-8601 instant such as 2024-05-01T00:00:00Z, or epoch milliseconds",
                text -> {
                    if (text.chars().allMatch(Character::isDigit)) {
                        return Instant.ofEpochMilli(Long.parseLong(text));
                    }
                    try {
                        return Instant.parse(text);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("not an instant", e);
                    }
                },
                Instant::toString);
    }

    /** A comma-separated list of non-empty texts, e.g. topic names. */
    public static ValueType<List<String>> list() {
        return of(
                "a comma-separated list such as a,b,c",
                text -> {
                    List<String> items = new ArrayList<>();
                    for (String item : text.split(",", -1)) {
                        String trimmed = item.trim();
                        if (trimmed.isEmpty()) {
                            throw new IllegalArgumentException("the list has an empty item");
                        }
                        items.add(trimmed);
                    }
                    return Collections.unmodifiableList(items);
                },
                items -> String.join(",", items));
    }

    /**
     * One of the constants of an enum, written in lower case with hyphens: {@code
     * COMMITTED_OR_EARLIEST} is {@code committed-or-earliest}. Case does not matter when parsing.
     */
    public static <E extends Enum<E>> ValueType<E> enumOf(Class<E> type) {
        return enumOf(Arrays.asList(type.getEnumConstants()));
    }

    /** As {@link #enumOf(Class)}, accepting only some of the enum's constants. */
    public static <E extends Enum<E>> ValueType<E> enumOf(Collection<E> allowedConstants) {
        List<E> constants = List.copyOf(allowedConstants);
        String allowed =
                constants.stream().map(ValueType::configName).collect(Collectors.joining(", "));
        return of(
                "one of: " + allowed,
                text -> {
                    for (E constant : constants) {
                        if (configName(constant).equalsIgnoreCase(text)
                                || constant.name().equalsIgnoreCase(text)) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException("not one of the allowed values");
                },
                ValueType::configName);
    }

    /** How an enum constant is written in configuration. */
    public static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What text this type accepts, in words, for error messages and the key reference. */
    public String format() {
        return format;
    }

    /** Parses a value; throws {@link IllegalArgumentException} for text of the wrong form. */
    public T parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the value is empty");
        }
        return parser.apply(trimmed);
    }

    /** The value written as configuration text. */
    public String render(T value) {
        return renderer.apply(value);
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number", e);
        }
    }
}
