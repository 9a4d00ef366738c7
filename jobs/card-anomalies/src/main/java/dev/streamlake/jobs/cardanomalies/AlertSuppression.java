package dev.streamlake.jobs.cardanomalies;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * At most one alert per card and rule per suppression period: remembers the event time of the
 * card's last emitted alert of each rule.
 */
final class AlertSuppression {

    /** Rule id → event time of the card's last emitted alert of that rule; null until the first (most cards have none). */
    private Map<String, Long> lastAlerts;

    AlertSuppression() {
        this(null);
    }

    /** @param lastAlerts the last alerts by rule, kept as given; null or empty for none */
    AlertSuppression(Map<String, Long> lastAlerts) {
        this.lastAlerts = lastAlerts == null || lastAlerts.isEmpty() ? null : lastAlerts;
    }

    /**
     * Whether an alert of the rule at event time {@code ts} may go out; if so, it is remembered.
     *
     * @param periodMillis 0 lets every alert through
     */
    boolean admit(String ruleId, long ts, long periodMillis) {
        Long last = lastAlerts == null ? null : lastAlerts.get(ruleId);
        if (last != null && ts < last + periodMillis) {
            return false;
        }
        if (periodMillis > 0) {
            if (lastAlerts == null) {
                lastAlerts = new TreeMap<>();
            }
            lastAlerts.put(ruleId, ts);
        }
        return true;
    }

    /** The last alerts by rule id, in id order; read-only. */
    Map<String, Long> lastAlerts() {
        return lastAlerts == null ? Collections.emptyMap() : Collections.unmodifiableMap(lastAlerts);
    }

    AlertSuppression copy() {
        return new AlertSuppression(lastAlerts == null ? null : new TreeMap<>(lastAlerts));
    }
}
