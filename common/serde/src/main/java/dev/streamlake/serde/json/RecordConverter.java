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
 * becomes null; any other missing field is an error.
 */
final class RecordConverter extends JsonConverter {

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
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(parser);
        }
        SpecificRecord record = factory.newRecord();
        boolean[] present = new boolean[fields.length];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Integer position = positionsByName.get(name);
            if (position == null) {
                parser.skipChildren();
                continue;
            }
            try {
                record.put(position, converters[position].read(parser));
            } catch (JsonFieldException e) {
                throw e.inField(name);
            }
            present[position] = true;
        }
        for (int position = 0; position < fields.length; position++) {
            if (!present[position]) {
                fillMissing(record, fields[position]);
            }
        }
        return record;
    }

    private void fillMissing(SpecificRecord record, Schema.Field field) throws JsonFieldException {
        if (field.hasDefaultValue()) {
            record.put(field.pos(), model.deepCopy(field.schema(), model.getDefaultValue(field)));
        } else if (!(converters[field.pos()] instanceof NullableConverter)) {
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
