package dev.streamlake.serde.avro;

import org.apache.avro.specific.SpecificRecord;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Creates empty instances of one generated record class. The constructor is looked up once; a
 * method handle then builds each record without per-record reflection.
 */
public final class SpecificRecordFactory {

    private final Class<?> type;
    private final MethodHandle constructor;

    private SpecificRecordFactory(Class<?> type, MethodHandle constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /** @throws IllegalArgumentException if the class is not a generated record class */
    public static SpecificRecordFactory of(Class<?> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not an Avro specific record class");
        }
        try {
            MethodHandle constructor =
                    MethodHandles.publicLookup()
                            .findConstructor(type, MethodType.methodType(void.class))
                            .asType(MethodType.methodType(SpecificRecord.class));
            return new SpecificRecordFactory(type, constructor);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor", e);
        }
    }

    public SpecificRecord newRecord() {
        try {
            return (SpecificRecord) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a " + type.getName(), e);
        }
    }
}
