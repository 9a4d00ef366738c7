package dev.streamlake.core.generator;

import dev.streamlake.events.SensorReading;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sensor readings that look like a real fleet's: each sensor ({@code sensor-000042}) has a kind
 * (temperature, humidity, pressure or power), a site and a base level of its own; its readings
 * follow a daily cycle in event time with noise, and a rare spike.
 */
public final class SensorReadingRecipe implements EventRecipe<SensorReading> {

    private static final long serialVersionUID = 1L;

    /** Share of readings with a spike, a jump of several times the sensor's usual spread. */
    private static final double SPIKE_SHARE = 0.002;

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private static final List<String> SITES =
            List.of("plant-north", "plant-south", "warehouse-east", "depot-west", "lab-central", "office-hq");

    /** What a sensor measures and the range of its signal. */
    private enum SensorKind {
        TEMPERATURE("celsius", 15, 25, 3, 0.3, 15),
        HUMIDITY("percent", 35, 65, 8, 1.5, 25),
        PRESSURE("hPa", 995, 1025, 1.5, 0.4, 20),
        POWER("kW", 5, 50, 4, 1.0, 60);

        final String unit;
        final double lowestBase;
        final double highestBase;
        final double dailySwing;
        final double noise;
        final double spike;

        SensorKind(String unit, double lowestBase, double highestBase, double dailySwing, double noise, double spike) {
            this.unit = unit;
            this.lowestBase = lowestBase;
            this.highestBase = highestBase;
            this.dailySwing = dailySwing;
            this.noise = noise;
            this.spike = spike;
        }
    }

    @Override
    public SensorReading create(EventDraw draw) {
        SplittableRandom profile = draw.keyRandom();
        SensorKind kind = SensorKind.values()[profile.nextInt(SensorKind.values().length)];
        String site = SITES.get(profile.nextInt(SITES.size()));
        double base = profile.nextDouble(kind.lowestBase, kind.highestBase);
        double phase = profile.nextDouble(2 * Math.PI);

        SplittableRandom random = draw.random();
        long millis = draw.eventTime().toEpochMilli();
        double dayAngle = 2 * Math.PI * Math.floorMod(millis, DAY_MILLIS) / DAY_MILLIS;
        double reading = base + kind.dailySwing * Math.sin(dayAngle + phase) + kind.noise * gaussian(random);
        if (random.nextDouble() < SPIKE_SHARE) {
            reading += random.nextBoolean() ? kind.spike : -kind.spike;
        }
        return SensorReading.newBuilder()
                .setSensorId(sensorId(draw.key()))
                .setTs(draw.eventTime())
                .setReading(Math.round(reading * 100) / 100.0)
                .setUnit(kind.unit)
                .setSite(site)
                .build();
    }

    /** The id of the sensor with the given key, e.g. {@code sensor-000042}. */
    public static String sensorId(int key) {
        return String.format(Locale.ROOT, "sensor-%06d", key);
    }

    /** A standard normal value (Box-Muller); SplittableRandom has none before Java 17. */
    private static double gaussian(SplittableRandom random) {
        double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
        return radius * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
