package dev.streamlake.serde.avro;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/** Bridges the classes generated from our Avro schemas to Flink and to their schemas. */
public final class AvroTypes {

    private AvroTypes() {}

    /**
     * Flink type information for a generated record class, serialized by Flink's Avro serializer
     * rather than Kryo.
     *
     * @throws IllegalArgumentException if the class is not generated from an Avro schema
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<T> typeInfo(Class<T> type) {
        if (!SpecificRecordBase.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    type.getName() + " is not a class generated from an Avro schema (SpecificRecordBase)");
        }
        return new AvroTypeInfo(type);
    }

    /**
     * The schema of a generated record class.
     *
     * @throws IllegalArgumentException if the class is not generated from an Avro schema
     */
    public static Schema schemaOf(Class<?> type) {
        try {
            return SpecificData.getForClass(type).getSchema(type);
        } catch (AvroRuntimeException e) {
            throw new IllegalArgumentException(
                    type.getName() + " is not a class generated from an Avro schema: " + e.getMessage(), e);
        }
    }

    /**
     * The generated class of a named schema (record or enum), loaded where {@code relative} was.
     *
     * @throws IllegalArgumentException if no class was generated for the schema
     */
    public static Class<?> classOf(Schema schema, Class<?> relative) {
        String className = SpecificData.getClassName(schema);
        try {
            return Class.forName(className, false, relative.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "no class was generated for the Avro type " + schema.getFullName() + " (" + className + ")", e);
        }
    }
}
