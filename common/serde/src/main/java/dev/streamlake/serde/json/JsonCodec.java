package dev.streamlake.serde.json;

import dev.streamlake.serde.MalformedRecordException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;

/**
 * Converts one generated record class to and from a JSON object, walking its Avro schema: field
 * names as in the schema, nested records as objects, arrays, maps as objects, nullable unions as
 * plain values or null, enums as symbol strings (read in any case), decimals as numbers (read from
 * numbers or strings), bytes as base64, timestamps as ISO-8601 strings (read also from epoch
 * milliseconds), dates as ISO-8601 dates. Unknown names are ignored.
 *
 * <p>Building one walks the schema; the result is immutable and may be shared.
 */
public final class JsonCodec<T extends SpecificRecord> {

    private final RecordConverter root;

    private JsonCodec(RecordConverter root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException if the class's schema uses a type JSON cannot carry */
    public static <T extends SpecificRecord> JsonCodec<T> forClass(Class<T> type) {
        return forClass(type, JsonDialect.PLAIN);
    }

    /** A codec that reads values as the dialect's producers write them; it writes this project's JSON. */
    public static <T extends SpecificRecord> JsonCodec<T> forClass(Class<T> type, JsonDialect dialect) {
        return new JsonCodec<>(JsonConverters.forRecordClass(type, dialect));
    }

    /**
     * Reads a record from the object whose start the parser is on, leaving it on the object's end.
     *
     * @param path where the object is in the document, for error messages; empty at the top
     */
    @SuppressWarnings("unchecked")
    public T read(JsonParser parser, String path) throws IOException, MalformedRecordException {
        try {
            return (T) root.read(parser);
        } catch (JsonFieldException e) {
            throw new MalformedRecordException(e.messageUnder(path));
        }
    }

    /**
     * Reads a record of which the producer may have sent only some fields, as a database sends only
     * the key columns of a deleted row: a field the object lacks, or holds null for though the
     * schema allows none, is left unset instead of failing; the values that are there are checked
     * as by {@link #read}.
     */
    @SuppressWarnings("unchecked")
    public PartialRecord<T> readPartial(JsonParser parser, String path) throws IOException, MalformedRecordException {
        try {
            return (PartialRecord<T>) root.readPartial(parser);
        } catch (JsonFieldException e) {
            throw new MalformedRecordException(e.messageUnder(path));
        }
    }

    public void write(JsonGenerator generator, T record) throws IOException {
        root.write(generator, record);
    }

    /** A record read by {@link #readPartial}, and whether the object held all of it. */
    public static final class PartialRecord<T> {

        private final T record;
        private final boolean complete;

        PartialRecord(T record, boolean complete) {
            this.record = record;
            this.complete = complete;
        }

        /** The record; unless it is complete, it breaks its own schema and must not travel on. */
        public T record() {
            return record;
        }

        /** Whether the object held a value for every field that has no default and cannot be null. */
        public boolean isComplete() {
            return complete;
        }
    }
}
