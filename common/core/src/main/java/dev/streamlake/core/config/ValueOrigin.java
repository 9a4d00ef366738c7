package dev.streamlake.core.config;

import java.util.Objects;

/** Where a configuration value came from, for the start-up log and error messages. */
public final class ValueOrigin {

    /** The configuration layers, lowest precedence first. */
    public enum Layer {
        DEFAULT,
        FILE,
        MSF,
        ARGUMENT,
    }

    private static final ValueOrigin DEFAULT = new ValueOrigin(Layer.DEFAULT, "default");
    private static final ValueOrigin ARGUMENT = new ValueOrigin(Layer.ARGUMENT, "program argument");

    private final Layer layer;
    private final String text;

    private ValueOrigin(Layer layer, String text) {
        this.layer = layer;
        this.text = text;
    }

    public static ValueOrigin defaultValue() {
        return DEFAULT;
    }

    public static ValueOrigin file(String path) {
        return new ValueOrigin(Layer.FILE, "file " + path);
    }

    public static ValueOrigin msfGroup(String groupId) {
        return new ValueOrigin(Layer.MSF, "MSF property group '" + groupId + "'");
    }

    public static ValueOrigin argument() {
        return ARGUMENT;
    }

    public Layer layer() {
        return layer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueOrigin && ((ValueOrigin) o).layer == layer && ((ValueOrigin) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
