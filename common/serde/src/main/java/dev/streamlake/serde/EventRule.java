package dev.streamlake.serde;

import java.io.Serializable;
import java.util.Optional;

/**
 * A check a decoded event must pass to be used, e.g. "a reading is a finite number". A format
 * cannot see such rules, yet records that break them are bad input just like unparsable bytes.
 */
@FunctionalInterface
public interface EventRule<T> extends Serializable {

    /** Why the event breaks the rule, in words; empty when it is fine. */
    Optional<String> violation(T event);
}
