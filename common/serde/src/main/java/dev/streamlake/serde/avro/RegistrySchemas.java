package dev.streamlake.serde.avro;

import dev.streamlake.serde.FormatUnavailableException;
import dev.streamlake.serde.MalformedRecordException;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The schema registry as one task uses it: a reader for each writer schema id met, and the id of
 * the generated class's own schema, each asked for once. The registry's client is relocated with
 * its own Avro, so schemas cross over as JSON text.
 */
final class RegistrySchemas<T> {

    private static final int NOT_FOUND = 404;

    private final Class<T> type;
    private final Schema readerSchema;
    private final SchemaRegistrySettings settings;
    private final SchemaRegistryClient client;
    private final Map<Integer, DatumReader<T>> readersById = new HashMap<>();
    private final Map<Integer, String> unreadableIds = new HashMap<>();

    RegistrySchemas(Class<T> type, SchemaRegistrySettings settings) {
        this.type = type;
        this.readerSchema = AvroTypes.schemaOf(type);
        this.settings = settings;
        this.client = settings.newClient();
    }

    /** A reader that resolves records written with the schema of this id to the generated class. */
    DatumReader<T> readerFor(int schemaId) throws MalformedRecordException {
        DatumReader<T> reader = readersById.get(schemaId);
        if (reader != null) {
            return reader;
        }
        String unreadable = unreadableIds.get(schemaId);
        if (unreadable != null) {
            throw new MalformedRecordException(unreadable);
        }
        ParsedSchema registered = fetch(schemaId);
        Schema writerSchema;
        try {
            writerSchema = avroSchema(schemaId, registered);
            checkCanRead(schemaId, writerSchema);
        } catch (MalformedRecordException e) {
            // Ids are never reused, so a schema that cannot be read now never can.
            unreadableIds.put(schemaId, e.getMessage());
            throw e;
        }
        reader = new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForClass(type));
        readersById.put(schemaId, reader);
        return reader;
    }

    /** Registers the generated class's schema under the subject, or finds it there; returns its id. */
    int register(String subject) {
        try {
            return client.register(subject, new AvroSchema(readerSchema.toString()));
        } catch (IOException | RestClientException e) {
            throw unavailable("cannot register the schema of " + type.getName() + " under subject " + subject, e);
        }
    }

    private ParsedSchema fetch(int schemaId) throws MalformedRecordException {
        try {
            return client.getSchemaById(schemaId);
        } catch (RestClientException e) {
            if (e.getStatus() == NOT_FOUND) {
                // Not remembered as unreadable: a registry replica may not have seen a new id yet.
                throw new MalformedRecordException(
                        "unknown schema id " + schemaId + ": the schema registry has no such schema", e);
            }
            throw unavailable("cannot look up schema id " + schemaId, e);
        } catch (IOException e) {
            throw unavailable("cannot look up schema id " + schemaId, e);
        }
    }

    private static Schema avroSchema(int schemaId, ParsedSchema registered) throws MalformedRecordException {
        if (!AvroSchema.TYPE.equals(registered.schemaType())) {
            throw new MalformedRecordException(
                    "schema id " + schemaId + " is a " + registered.schemaType() + " schema, not Avro");
        }
        try {
            return new Schema.Parser().parse(registered.canonicalString());
        } catch (SchemaParseException e) {
            throw new MalformedRecordException(
                    "schema id " + schemaId + " is not a usable Avro schema: " + e.getMessage(), e);
        }
    }

    private void checkCanRead(int schemaId, Schema writerSchema) throws MalformedRecordException {
        SchemaCompatibility.SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema).getResult();
        if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            SchemaCompatibility.Incompatibility first = result.getIncompatibilities().get(0);
            throw new MalformedRecordException(
                    "schema id " + schemaId + " (" + writerSchema.getFullName() + ") cannot be read as "
                            + readerSchema.getFullName() + ": " + first.getMessage() + " at "
                            + first.getLocation());
        }
    }

    private FormatUnavailableException unavailable(String what, Exception cause) {
        return new FormatUnavailableException(
                what + " in the schema registry at " + settings.redactedUrls() + ": " + cause.getMessage(), cause);
    }
}
