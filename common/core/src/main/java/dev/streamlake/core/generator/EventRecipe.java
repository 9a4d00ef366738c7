package dev.streamlake.core.generator;

import java.io.Serializable;

/**
 * Makes the event of one type at a given index of the generator's sequence.
 *
 * <p>The event must be a pure function of the draw: use only its values and random streams, never
 * the wall clock or state kept between calls. That is what lets any reader, on any split and
 * after any restart, make exactly the same event for the same index.
 */
@FunctionalInterface
public interface EventRecipe<T> extends Serializable {

    T create(EventDraw draw);
}
