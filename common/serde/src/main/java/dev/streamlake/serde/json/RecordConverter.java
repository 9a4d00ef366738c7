package dev.streamlake.serde.json;

import dev.streamlake.serde.avro.SpecificRecordFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Avro record of a generated class as a JSON object whose names are the field names. Unknown
 * names are skipped. A missing field takes its schema default; a nullable field without one
 * becomes null; any other missing field is an error, unless the record is read as a partial one.
 */
final class RecordConverter extends JsonConverter {

    /** What {@link #nextField} returns for a name that is not a field, and at the object's end. */
    private static final int UNKNOWN_FIELD = -1;
    private static final int END_OF_OBJECT = -2;

    private final String typeName;
    private final SpecificRecordFactory factory;
    private final SpecificData model;
    private final Schema.Field[] fields;
    private final SerializedString[] names;
    private final Map<String, Integer> positionsByName = new HashMap<>();
    private JsonConverter[] converters;

    RecordConverter(Schema schema, Class<?> type) {
        this.typeName = schema.getName();
        this.factory = SpecificRecordFactory.of(type);
        this.model = SpecificData.getForClass(type);
        List<Schema.Field> schemaFields = schema.getFields();
        this.fields = schemaFields.toArray(new Schema.Field[0]);
        this.names = new SerializedString[fields.length];
        for (Schema.Field field : fields) {
            names[field.pos()] = new SerializedString(field.name());
            positionsByName.put(field.name(), field.pos());
        }
    }

    /** Set once, after this converter is known by name, so that recursive types can refer to it. */
    void setFieldConverters(JsonConverter[] fieldConverters) {
        this.converters = fieldConverters;
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        SpecificRecord record = factory.newRecord();
        boolean[] present = readFields(parser, record, false);
        for (int field = 0; field < fields.length; field++) {
            if (!present[field]) {
                fillMissing(record, fields[field]);
            }
        }
        return record;
    }

    /**
     * Reads like {@link #read}, but a field the object lacks, or holds null for though the schema
     * allows none, is left unset instead of failing, unless its schema default can fill it.
     */
    JsonCodec.PartialRecord<SpecificRecord> readPartial(JsonParser parser) throws IOException, JsonFieldException {
        SpecificRecord record = factory.newRecord();
        boolean[] present = readFields(parser, record, true);
        boolean complete = true;
        for (int field = 0; field < fields.length; field++) {
            if (present[field]) {
                continue;
            }
            if (fields[field].hasDefaultValue() || isNullable(field)) {
                fillMissing(record, fields[field]);
            } else {
                complete = false;
            }
        }
        return new JsonCodec.PartialRecord<>(record, complete);
    }

    /**
     * Reads the object's fields into the record and says which it set.
     *
     * @param partial whether a null the field's schema does not allow counts as the field's absence
     */
    private boolean[] readFields(JsonParser parser, SpecificRecord record, boolean partial)
            throws IOException, JsonFieldException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(parser);
        }
        boolean[] present = new boolean[fields.length];
        int previous = -1;
        int position;
        while ((position = nextField(parser, previous + 1)) != END_OF_OBJECT) {
            parser.nextToken();
            if (position == UNKNOWN_FIELD) {
                parser.skipChildren();
                continue;
            }
            previous = position;
            if (partial && parser.currentToken() == JsonToken.VALUE_NULL && !isNullable(position)) {
                continue;
            }
            try {
                record.put(position, converters[position].read(parser));
            } catch (JsonFieldException e) {
                throw e.inField(fields[position].name());
            }
            present[position] = true;
        }
        return present;
    }

    private boolean isNullable(int position) {
        return converters[position] instanceof NullableConverter;
    }

    /**
     * Moves to the next name of the object and returns its field's position, {@link
     * #UNKNOWN_FIELD}, or {@link #END_OF_OBJECT} when the object ends.
     *
     * <p>Producers nearly always write the fields in one order, most often the schema's (as {@link
     * #write} does), so the field after the previous one is tried first: Jackson then compares the
     * name's bytes in place and skips decoding it and looking it up. Any other name falls back to a
     * lookup by name, with the same result.
     *
     * @param likely the position of the field most likely to come next
     */
    private int nextField(JsonParser parser, int likely) throws IOException {
        if (likely < names.length) {
            if (parser.nextFieldName(names[likely])) {
                return likely;
            }
        } else {
            parser.nextToken();
        }
        if (parser.currentToken() != JsonToken.FIELD_NAME) {
            return END_OF_OBJECT;
        }
        Integer position = positionsByName.get(parser.currentName());
        return position == null ? UNKNOWN_FIELD : position;
    }

    private void fillMissing(SpecificRecord record, Schema.Field field) throws JsonFieldException {
        if (field.hasDefaultValue()) {
            record.put(field.pos(), model.deepCopy(field.schema(), model.getDefaultValue(field)));
        } else if (!isNullable(field.pos())) {
            throw new JsonFieldException(
                            "required but missing (expected " + converters[field.pos()].expected() + ")")
                    .inField(field.name());
        }
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        SpecificRecord record = (SpecificRecord) value;
        generator.writeStartObject();
        for (int position = 0; position < names.length; position++) {
            generator.writeFieldName(names[position]);
            converters[position].write(generator, record.get(position));
        }
        generator.writeEndObject();
    }

    @Override
    String expected() {
        return "an object (" + typeName + ")";
    }
}
