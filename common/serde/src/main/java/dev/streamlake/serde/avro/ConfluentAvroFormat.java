package dev.streamlake.serde.avro;

import dev.streamlake.serde.FormatUnavailableException;
import dev.streamlake.serde.MalformedRecordException;

import org.apache.avro.specific.SpecificRecord;

import java.util.Objects;

/**
 * Avro in the Confluent Schema Registry wire format: a zero magic byte, the writer schema's
 * registry id as a 4-byte big-endian integer, then the Avro binary record.
 *
 * <p>Reading looks the writer schema up by id (once per id) and resolves it against the generated
 * class's schema, so producers may evolve compatibly. Writing registers the class's schema under
 * the subject (or finds it there) once, then prefixes every record with its id.
 *
 * <p>An unknown magic byte or schema id is bad data ({@link MalformedRecordException}); a registry
 * that cannot be reached or refuses us is not, and raises {@link FormatUnavailableException}.
 */
public final class ConfluentAvroFormat<T extends SpecificRecord> extends AvroRecordFormat<T> {

    private static final long serialVersionUID = 1L;

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_BYTES = 5;

    private final SchemaRegistrySettings registry;
    private final String subject;

    private transient RegistrySchemas<T> schemas;
    private transient byte[] header;

    /**
     * @param subject the registry subject the written schema belongs to, e.g. {@code
     *     <topic>-value}
     */
    public ConfluentAvroFormat(Class<T> type, SchemaRegistrySettings registry, String subject) {
        super(type);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String name() {
        return "confluent-avro";
    }

    /** Creates the registry client; contacts the registry only when the first record needs it. */
    @Override
    public void open() {
        schemas();
    }

    @Override
    public T decode(byte[] bytes) throws MalformedRecordException {
        if (bytes.length < HEADER_BYTES) {
            throw new MalformedRecordException(
                    "too short for the Confluent wire format: " + bytes.length
                            + " bytes, at least 5 needed for the magic byte and the schema id");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new MalformedRecordException(
                    String.format(
                            "unknown magic byte 0x%02X: the Confluent wire format starts with 0x00",
                            bytes[0] & 0xff));
        }
        int schemaId =
                (bytes[1] & 0xff) << 24 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 8 | (bytes[4] & 0xff);
        return coder().read(schemas().readerFor(schemaId), bytes, HEADER_BYTES);
    }

    @Override
    public byte[] encode(T event) {
        if (header == null) {
            int schemaId = schemas().register(subject);
            header = new byte[] {
                MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId
            };
        }
        return coder().write(event, header);
    }

    private RegistrySchemas<T> schemas() {
        if (schemas == null) {
            schemas = new RegistrySchemas<>(type, registry);
        }
        return schemas;
    }

    @Override
    public String toString() {
        return "ConfluentAvroFormat{" + type.getName() + ", subject=" + subject + ", " + registry + "}";
    }
}
