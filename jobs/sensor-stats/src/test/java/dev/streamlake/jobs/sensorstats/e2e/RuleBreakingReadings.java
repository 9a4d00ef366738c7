package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.events.SensorReading;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Well-formed JSON readings that break a cleansing rule, each made from a real reading with one
 * field spoiled: what a faulty sensor or gateway sends, as opposed to the generator's malformed bytes.
 */
final class RuleBreakingReadings {

    private RuleBreakingReadings() {}

    /** Rule broken → the reading's JSON with that one defect. */
    static Map<String, byte[]> of(SensorReading reading) {
        String sensor = reading.getSensorId();
        String ts = quoted(reading.getTs().toString());
        String value = Double.toString(reading.getReading());
        Map<String, byte[]> spoiled = new LinkedHashMap<>();
        spoiled.put("blank sensor id", json(reading, "", ts, value));
        spoiled.put("whitespace sensor id", json(reading, " \t ", ts, value));
        spoiled.put("reading NaN", json(reading, sensor, ts, quoted("NaN")));
        spoiled.put("reading Infinity", json(reading, sensor, ts, quoted("Infinity")));
        spoiled.put("reading overflowing to -Infinity", json(reading, sensor, ts, "-1e400"));
        spoiled.put("event time before 2000", json(reading, sensor, quoted("1999-12-31T23:59:59.999Z"), value));
        spoiled.put("event time 0 in epoch milliseconds", json(reading, sensor, "0", value));
        spoiled.put("event time decades ahead", json(reading, sensor, quoted("2100-01-01T00:00:00Z"), value));
        return spoiled;
    }

    private static byte[] json(SensorReading reading, String sensorId, String ts, String value) {
        return String.format(
                        Locale.ROOT,
                        "{\"sensor_id\":%s,\"ts\":%s,\"reading\":%s,\"unit\":%s,\"site\":%s}",
                        quoted(sensorId), ts, value, quoted(reading.getUnit()), quoted(reading.getSite()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\t", "\\t") + "\"";
    }
}
