package dev.streamlake.serde.avro;

import dev.streamlake.serde.MalformedRecordException;

import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro binary: one record per message, written with the generated class's schema and no
 * header. Reader and writer must agree on the schema; use {@link ConfluentAvroFormat} when they
 * evolve independently.
 */
public final class AvroBinaryFormat<T extends SpecificRecord> extends AvroRecordFormat<T> {

    private static final long serialVersionUID = 1L;

    private static final byte[] NO_HEADER = new byte[0];

    public AvroBinaryFormat(Class<T> type) {
        super(type);
    }

    @Override
    public String name() {
        return "avro";
    }

    @Override
    public void open() {
        coder();
    }

    @Override
    public T decode(byte[] bytes) throws MalformedRecordException {
        return coder().read(bytes, 0);
    }

    @Override
    public byte[] encode(T event) {
        return coder().write(event, NO_HEADER);
    }

    @Override
    public String toString() {
        return "AvroBinaryFormat{" + type.getName() + "}";
    }
}
