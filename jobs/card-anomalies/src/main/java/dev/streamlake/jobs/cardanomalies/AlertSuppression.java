package dev.streamlake.jobs.cardanomalies;

import java.util.Map;
import java.util.TreeMap;

/**
 * At most one alert per card and rule per suppression period: remembers the event time of the
 * card's last emitted alert of each rule.
 */
final class AlertSuppression {

    /** Rule id → event time of the card's last emitted alert of that rule. */
    final Map<String, Long> lastAlerts;

    AlertSuppression() {
        this(new TreeMap<>());
    }

    AlertSuppression(Map<String, Long> lastAlerts) {
        this.lastAlerts = lastAlerts;
    }

    /**
     * Whether an alert of the rule at event time {@code ts} may go out; if so, it is remembered.
     *
     * @param periodMillis 0 lets every alert through
     */
    boolean admit(String ruleId, long ts, long periodMillis) {
        Long last = lastAlerts.get(ruleId);
        if (last != null && ts < last + periodMillis) {
            return false;
        }
        if (periodMillis > 0) {
            lastAlerts.put(ruleId, ts);
        }
        return true;
    }

    AlertSuppression copy() {
        return new AlertSuppression(new TreeMap<>(lastAlerts));
    }
}
