package dev.streamlake.serde.avro;

import dev.streamlake.serde.MalformedRecordException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Avro binary reading and writing of one generated record class, with the decoder, encoder and
 * buffer kept for the next record. Not thread-safe: one per task.
 */
final class AvroBinaryCoder<T> {

    private final String typeName;
    private final DatumReader<T> ownSchemaReader;
    private final DatumWriter<T> writer;
    private final BoundedBinaryDecoder decoder = new BoundedBinaryDecoder();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;

    AvroBinaryCoder(Class<T> type) {
        this.typeName = AvroTypes.schemaOf(type).getFullName();
        this.ownSchemaReader = new SpecificDatumReader<>(type);
        this.writer = new SpecificDatumWriter<>(type);
    }

    /** Reads a record written with the class's own schema from {@code offset} to the end. */
    T read(byte[] bytes, int offset) throws MalformedRecordException {
        return read(ownSchemaReader, bytes, offset);
    }

    /** Reads a record with the given (possibly resolving) reader from {@code offset} to the end. */
    T read(DatumReader<T> reader, byte[] bytes, int offset) throws MalformedRecordException {
        decoder.reset(bytes, offset);
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException("not a valid Avro " + typeName + " record: " + reason(e), e);
        }
        if (decoder.remaining() > 0) {
            throw new MalformedRecordException(
                    decoder.remaining() + " unexpected bytes after the end of the Avro " + typeName
                            + " record at offset " + decoder.position());
        }
        return record;
    }

    /** Writes {@code header} followed by the record. */
    byte[] write(T record, byte[] header) {
        buffer.reset();
        buffer.write(header, 0, header.length);
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IndexOutOfBoundsException) {
            return "an index is out of range, a union branch or enum symbol the schema does not have ("
                    + message + ")";
        }
        return message;
    }
}
