package dev.streamlake.core.source;

import dev.streamlake.serde.EventFormat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.nio.charset.StandardCharsets;

/** UTF-8 text events, the simplest format, for tests that only need some format. */
public final class TextFormat implements EventFormat<String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
        return "text";
    }

    @Override
    public TypeInformation<String> eventType() {
        return Types.STRING;
    }

    @Override
    public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encode(String event) {
        return event.getBytes(StandardCharsets.UTF_8);
    }
}
