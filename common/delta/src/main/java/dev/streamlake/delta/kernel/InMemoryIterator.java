package dev.streamlake.delta.kernel;

import io.delta.kernel.utils.CloseableIterator;

import java.util.Iterator;

/** Hands values already in memory to Kernel, which takes closeable iterators. */
public final class InMemoryIterator<T> implements CloseableIterator<T> {

    private final Iterator<T> values;

    public InMemoryIterator(Iterator<T> values) {
        this.values = values;
    }

    @Override
    public boolean hasNext() {
        return values.hasNext();
    }

    @Override
    public T next() {
        return values.next();
    }

    @Override
    public void close() {
        // Nothing to release: the values are in memory.
    }
}
