package dev.streamlake.core.join;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * One version of a keyed row, as a changelog states it: from {@code validFrom} (event time, the
 * change's time at its source) the row with this key is {@code row}, or gone if the change deleted
 * it. A job maps its change records to these (a Debezium update or insert to its after-image, a
 * delete to {@link #deleted}) and gives the stream {@link #typeInfo} as its type.
 *
 * <p>Two versions of one key with the same {@code validFrom}: the one that arrives later wins. A
 * Debezium topic keeps one key's changes in order (they share a partition), so that is the later
 * change.
 *
 * <p>A version never changes, and its row must not be changed once the version is made: the
 * join's state shares it rather than copying it ({@link RowVersionSerializer#copy}).
 *
 * @param <K> the row's key
 * @param <V> the row
 */
public final class RowVersion<K, V> {

    private final K key;
    private final long validFrom;
    private final V row;

    private RowVersion(K key, long validFrom, V row) {
        this.key = Objects.requireNonNull(key, "key");
        this.validFrom = validFrom;
        this.row = row;
    }

    /** The row as it is from {@code validFrom} on. */
    public static <K, V> RowVersion<K, V> of(K key, long validFrom, V row) {
        return new RowVersion<>(key, validFrom, Objects.requireNonNull(row, "row (a deletion is RowVersion.deleted)"));
    }

    /** The row is gone from {@code validFrom} on. */
    public static <K, V> RowVersion<K, V> deleted(K key, long validFrom) {
        return new RowVersion<>(key, validFrom, null);
    }

    /** The type of a stream of versions; its serializer is made of those of the key and the row. */
    public static <K, V> RowVersionTypeInfo<K, V> typeInfo(
            TypeInformation<K> keyType, TypeInformation<V> rowType) {
        return new RowVersionTypeInfo<>(keyType, rowType);
    }

    public K key() {
        return key;
    }

    /** Event time from which this version holds, in epoch milliseconds. */
    public long validFrom() {
        return validFrom;
    }

    /** The row; null if it was deleted. */
    public V row() {
        return row;
    }

    public boolean isDeleted() {
        return row == null;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RowVersion)) {
            return false;
        }
        RowVersion<?, ?> that = (RowVersion<?, ?>) other;
        return validFrom == that.validFrom && key.equals(that.key) && Objects.equals(row, that.row);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, validFrom, row);
    }

    @Override
    public String toString() {
        return key + "@" + validFrom + (row == null ? " deleted" : " " + row);
    }
}
