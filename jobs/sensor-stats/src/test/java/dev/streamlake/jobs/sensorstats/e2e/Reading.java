package dev.streamlake.jobs.sensorstats.e2e;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A usable sensor reading as the oracle sees it: plain values, compared exactly. */
final class Reading {

    final String sensorId;
    final long ts;
    final double value;
    final String unit;
    final String site;

    Reading(String sensorId, long ts, double value, String unit, String site) {
        this.sensorId = sensorId;
        this.ts = ts;
        this.value = value;
        this.unit = unit;
        this.site = site;
    }

    /** A row of the too-late table, which holds readings as the job decoded them. */
    static Reading fromRow(Map<String, Object> row) {
        return new Reading(
                (String) row.get("sensor_id"),
                ((Instant) row.get("ts")).toEpochMilli(),
                (Double) row.get("reading"),
                (String) row.get("unit"),
                (String) row.get("site"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reading)) {
            return false;
        }
        Reading other = (Reading) o;
        return sensorId.equals(other.sensorId)
                && ts == other.ts
                && Double.compare(value, other.value) == 0
                && unit.equals(other.unit)
                && site.equals(other.site);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensorId, ts, value, unit, site);
    }

    @Override
    public String toString() {
        return sensorId + "@" + Instant.ofEpochMilli(ts) + "=" + value + unit + " (" + site + ")";
    }
}
