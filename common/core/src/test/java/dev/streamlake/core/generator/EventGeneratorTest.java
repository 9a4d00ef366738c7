package dev.streamlake.core.generator;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventGeneratorTest {

    private static final GeneratorSettings SETTINGS =
            GeneratorSettings.builder()
                    .seed(20240101L)
                    .keys(50)
                    .maxOutOfOrderness(Duration.ofSeconds(2))
                    .lateShare(0.05)
                    .lateDelay(Duration.ofMinutes(1))
                    .malformedShare(0.1)
                    .build();

    @Test
    void theSameSeedGivesTheSameBytesAndEvents() {
        EventGenerator<SensorReading> first = SensorReadings.generator(SETTINGS);
        EventGenerator<SensorReading> second = SensorReadings.generator(SETTINGS);

        for (long index = 0; index < 2_000; index++) {
            assertThat(second.recordAt(index)).isEqualTo(first.recordAt(index));
            assertThat(second.eventAt(index)).isEqualTo(first.eventAt(index));
        }
    }

    @Test
    void aRecordDependsOnItsIndexAloneNotOnWhatWasGeneratedBefore() throws Exception {
        EventGenerator<SensorReading> inOrder = SensorReadings.generator(SETTINGS);
        EventGenerator<SensorReading> shipped = InstantiationUtil.clone(SensorReadings.generator(SETTINGS));
        Map<Long, byte[]> expected = new HashMap<>();
        for (long index = 0; index < 1_000; index++) {
            expected.put(index, inOrder.recordAt(index));
        }

        SplittableRandom order = new SplittableRandom(3);
        for (int draw = 0; draw < 1_000; draw++) {
            long index = order.nextLong(1_000);
            assertThat(shipped.recordAt(index)).isEqualTo(expected.get(index));
        }
    }

    @Test
    void aDifferentSeedGivesDifferentRecords() {
        EventGenerator<SensorReading> first = SensorReadings.generator(SETTINGS);
        EventGenerator<SensorReading> other = SensorReadings.generator(SETTINGS.toBuilder().seed(7L).build());

        int same = 0;
        for (long index = 0; index < 1_000; index++) {
            if (first.eventAt(index).equals(other.eventAt(index))) {
                same++;
            }
        }
        assertThat(same).isLessThan(10);
    }

    @Test
    void theMalformedShareIsAboutTheConfiguredShare() {
        EventGenerator<SensorReading> generator = SensorReadings.generator(SETTINGS);
        int records = 20_000;

        long malformed = 0;
        for (long index = 0; index < records; index++) {
            if (generator.generate(index).isMalformed()) {
                malformed++;
            }
        }

        assertThat((double) malformed / records).isBetween(0.085, 0.115);
    }

    @Test
    void everyMalformedRecordBecomesADeadLetterAndEveryGoodOneItsEvent() {
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(SETTINGS.toBuilder().malformedShare(0.3).build());
        Set<String> kindsSeen = new HashSet<>();

        for (long index = 0; index < 5_000; index++) {
            GeneratedRecord<SensorReading> record = generator.generate(index);
            Decoded<SensorReading> decoded = generator.decodedAt(index);
            if (record.isMalformed()) {
                assertThat(decoded.isValue()).as("record %s decodes to a dead letter", record).isFalse();
                DeadLetter letter = decoded.getDeadLetter();
                assertThat(letter.getRaw()).isEqualTo(ByteBuffer.wrap(record.bytes()));
                assertThat(letter.getOrigin().getSystem()).isEqualTo(EventGenerator.ORIGIN_SYSTEM);
                assertThat(letter.getOrigin().getName()).isEqualTo(SETTINGS.name());
                assertThat(letter.getOrigin().getPosition()).isEqualTo(Long.toString(index));
                kindsSeen.add(record.malformedKind().orElseThrow());
            } else {
                assertThat(decoded.getValue()).isEqualTo(record.event());
            }
        }

        Set<String> allKinds =
                JsonCorruption.all(EventFields.of(SensorReading.getClassSchema())).stream()
                        .map(Corruption::kind)
                        .collect(Collectors.toSet());
        assertThat(kindsSeen).isEqualTo(allKinds).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void theMalformedShareLeavesTheEventsAsTheyWere() {
        EventGenerator<SensorReading> clean = SensorReadings.generator(SETTINGS.toBuilder().malformedShare(0).build());
        EventGenerator<SensorReading> dirty = SensorReadings.generator(SETTINGS.toBuilder().malformedShare(0.5).build());

        for (long index = 0; index < 1_000; index++) {
            assertThat(dirty.eventAt(index)).isEqualTo(clean.eventAt(index));
            assertThat(clean.generate(index).isMalformed()).isFalse();
        }
    }

    @Test
    void lateRecordsAreAboutTheConfiguredShareAndExactlyTheLateDelayBehind() {
        EventGenerator<SensorReading> generator = SensorReadings.generator(SETTINGS);
        int records = 20_000;

        long late = 0;
        for (long index = 0; index < records; index++) {
            GeneratedRecord<SensorReading> record = generator.generate(index);
            Instant eventTime = record.event().getTs();
            assertThat(record.eventTime()).isEqualTo(eventTime);
            assertThat(record.dueTime()).isEqualTo(SETTINGS.startTime().plus(SETTINGS.eventInterval().multipliedBy(index)));
            if (record.isLate()) {
                late++;
                assertThat(eventTime).isEqualTo(record.dueTime().minus(SETTINGS.lateDelay()));
            } else {
                assertThat(eventTime)
                        .isBetween(record.dueTime().minus(SETTINGS.maxOutOfOrderness()), record.dueTime());
            }
        }

        assertThat((double) late / records).isBetween(0.04, 0.06);
    }

    @Test
    void onTimeRecordsAreOutOfOrderWithinTheMaximumOutOfOrderness() {
        EventGenerator<SensorReading> generator = SensorReadings.generator(SETTINGS);
        long bound = SETTINGS.maxOutOfOrderness().toMillis();

        long latestSeen = Long.MIN_VALUE;
        int outOfOrder = 0;
        long largestDisorder = 0;
        for (long index = 0; index < 20_000; index++) {
            GeneratedRecord<SensorReading> record = generator.generate(index);
            if (record.isLate()) {
                continue;
            }
            long eventTime = record.eventTime().toEpochMilli();
            if (eventTime < latestSeen) {
                outOfOrder++;
                largestDisorder = Math.max(largestDisorder, latestSeen - eventTime);
            }
            latestSeen = Math.max(latestSeen, eventTime);
        }

        assertThat(outOfOrder).isGreaterThan(1_000);
        assertThat(largestDisorder).isLessThanOrEqualTo(bound).isGreaterThan(bound / 2);
    }

    @Test
    void readingsComeFromThePoolOfSensorsEachWithItsOwnUnitAndSite() {
        EventGenerator<SensorReading> generator = SensorReadings.generator(SETTINGS.toBuilder().lateShare(0).build());
        Set<String> pool = new HashSet<>();
        for (int key = 0; key < SETTINGS.keys(); key++) {
            pool.add(SensorReadingRecipe.sensorId(key));
        }
        Map<String, String> unitOf = new HashMap<>();
        Map<String, String> siteOf = new HashMap<>();

        for (long index = 0; index < 5_000; index++) {
            SensorReading reading = generator.eventAt(index);
            assertThat(reading.getSensorId()).isIn(pool);
            assertThat(reading.getReading()).isFinite();
            assertThat(unitOf.computeIfAbsent(reading.getSensorId(), id -> reading.getUnit()))
                    .isEqualTo(reading.getUnit());
            assertThat(siteOf.computeIfAbsent(reading.getSensorId(), id -> reading.getSite()))
                    .isEqualTo(reading.getSite());
        }

        assertThat(unitOf.keySet()).isEqualTo(pool).contains("sensor-000042");
        assertThat(new HashSet<>(unitOf.values())).hasSizeGreaterThan(1);
        assertThat(new HashSet<>(siteOf.values())).hasSizeGreaterThan(1);
    }
}
