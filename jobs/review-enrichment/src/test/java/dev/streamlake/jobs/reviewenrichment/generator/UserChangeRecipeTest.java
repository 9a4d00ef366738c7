package dev.streamlake.jobs.reviewenrichment.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The users changelog: a Debezium snapshot, then inserts, updates and deletes of one consistent table. */
class UserChangeRecipeTest {

    /** The snapshot and 7 rounds. */
    static final int RECORDS = 200 * 8;

    static final GeneratorSettings USERS =
            GeneratorSettings.builder()
                    .name("users-changelog")
                    .keys(200)
                    .count(RECORDS)
                    .startTime(Instant.parse("2024-06-01T00:00:00Z"))
                    .eventInterval(Duration.ofSeconds(36))
                    .maxOutOfOrderness(Duration.ofSeconds(5))
                    .lateShare(0)
                    .malformedShare(0)
                    .build();

    private static final Pattern FICTIONAL_PHONE = Pattern.compile(
            "(\\+1 \\d{3}-|\\(\\d{3}\\) )555-01\\d\\d|(\\+44 |0)7700 900\\d{3}|(\\+33 |0)1 99 00 \\d\\d \\d\\d");

    private static List<UserChange> changes;

    @BeforeAll
    static void generate() {
        EventGenerator<UserChange> generator = generator(USERS);
        changes = new ArrayList<>();
        for (long index = 0; index < RECORDS; index++) {
            changes.add(generator.eventAt(index));
        }
    }

    static EventGenerator<UserChange> generator(GeneratorSettings settings) {
        return UserChanges.generator(settings, new DebeziumJsonFormat<>(UserChange.class));
    }

    @Test
    void aChangeDependsOnTheSeedAndItsIndexAlone() throws Exception {
        EventGenerator<UserChange> shipped = InstantiationUtil.clone(generator(USERS));
        for (int index = RECORDS - 1; index >= 0; index -= 7) {
            assertThat(shipped.eventAt(index)).isEqualTo(changes.get(index));
        }
        EventGenerator<UserChange> otherSeed = generator(USERS.toBuilder().seed(43).build());
        long differing = 0;
        for (int index = 0; index < RECORDS; index++) {
            if (!otherSeed.eventAt(index).equals(changes.get(index))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(RECORDS * 9 / 10);
    }

    @Test
    void theSnapshotReadsEveryUserThenEveryOpFollows() {
        Map<ChangeOp, Integer> ops = new EnumMap<>(ChangeOp.class);
        for (int index = 0; index < RECORDS; index++) {
            UserChange change = changes.get(index);
            assertThat(change.getOp() == ChangeOp.READ).isEqualTo(index < USERS.keys());
            assertThat(change.getSnapshot()).isEqualTo(change.getOp() == ChangeOp.READ);
            ops.merge(change.getOp(), 1, Integer::sum);
        }
        assertThat(ops.get(ChangeOp.READ)).isEqualTo(USERS.keys());
        assertThat(ops.get(ChangeOp.CREATE)).isGreaterThan(10);
        assertThat(ops.get(ChangeOp.DELETE)).isGreaterThanOrEqualTo(ops.get(ChangeOp.CREATE));
        assertThat(ops.get(ChangeOp.UPDATE)).isGreaterThan(RECORDS / 2);
    }

    @Test
    void theChangesReplayIntoOneConsistentTable() {
        Map<String, User> table = new HashMap<>();
        Set<String> gone = new HashSet<>();
        for (UserChange change : changes) {
            String key = change.getKey().toString();
            switch (change.getOp()) {
                case READ:
                case CREATE:
                    assertThat(table).doesNotContainKey(key);
                    assertThat(gone).doesNotContain(key);
                    assertThat(change.getAfter().getUserId()).isEqualTo(key);
                    table.put(key, change.getAfter());
                    break;
                case UPDATE:
                    assertThat(change.getBefore()).isEqualTo(table.get(key));
                    assertThat(change.getAfter().getCreatedAt()).isEqualTo(change.getBefore().getCreatedAt());
                    assertThat(change.getAfter().getUpdatedAt()).isAfter(change.getBefore().getUpdatedAt());
                    table.put(key, change.getAfter());
                    break;
                case DELETE:
                    assertThat(change.getBefore()).isEqualTo(table.remove(key));
                    gone.add(key);
                    break;
                default:
                    throw new AssertionError(change.getOp());
            }
        }
        assertThat(table.size() + gone.size()).isGreaterThan(USERS.keys());
    }

    @Test
    void updatesMostlyMoveTheStatusAndSometimesTheContactDetails() {
        int updates = 0;
        int status = 0;
        int contact = 0;
        for (UserChange change : changes) {
            if (change.getOp() == ChangeOp.UPDATE) {
                updates++;
                User before = change.getBefore();
                User after = change.getAfter();
                if (before.getStatus() != after.getStatus()) {
                    status++;
                    assertThat(Math.abs(before.getStatus().ordinal() - after.getStatus().ordinal())).isEqualTo(1);
                }
                if (!before.getEmail().equals(after.getEmail()) || !equal(before.getPhone(), after.getPhone())
                        || !equal(before.getCountry(), after.getCountry())) {
                    contact++;
                }
            }
        }
        assertThat((double) status / updates).isBetween(0.6, 0.8);
        assertThat((double) contact / updates).isBetween(0.1, 0.35);
    }

    @Test
    void aFewUsersArePlatinum() {
        Map<UserStatus, Integer> statuses = new EnumMap<>(UserStatus.class);
        for (UserChange change : changes) {
            if (change.getAfter() != null) {
                statuses.merge(change.getAfter().getStatus(), 1, Integer::sum);
            }
        }
        int rows = statuses.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) statuses.get(UserStatus.PLATINUM) / rows).isBetween(0.03, 0.15);
        assertThat(statuses.get(UserStatus.BRONZE) + statuses.get(UserStatus.SILVER)).isGreaterThan(rows / 2);
    }

    @Test
    void personalValuesAreRealisticButPlainlyFake() {
        for (UserChange change : changes) {
            User user = change.getAfter();
            if (user == null) {
                continue;
            }
            assertThat(user.getFullName()).matches("[A-Z][a-z]+ [A-Z][A-Za-z']+");
            assertThat(user.getEmail()).matches("[a-z0-9.]+@(example\\.(com|org|net)|mail\\.example|inbox\\.test)");
            if (user.getPhone() != null) {
                assertThat(user.getPhone()).matches(FICTIONAL_PHONE);
            }
            assertThat(user.getCreatedAt()).isBeforeOrEqualTo(user.getUpdatedAt());
        }
    }

    @Test
    void theSourceTimeIsTheDrawnEventTime() {
        EventGenerator<UserChange> generator = generator(USERS);
        for (int index = 0; index < RECORDS; index += 13) {
            assertThat(changes.get(index).getSourceTs()).isEqualTo(generator.generate(index).eventTime());
            assertThat(changes.get(index).getProcessedAt()).isAfter(changes.get(index).getSourceTs());
        }
    }

    @Test
    void theDebeziumBytesDecodeToTheChangeMeant() throws Exception {
        EventGenerator<UserChange> generator = generator(USERS);
        DebeziumJsonFormat<UserChange> format = new DebeziumJsonFormat<>(UserChange.class);
        Map<ChangeOp, String> codes = Map.of(ChangeOp.READ, "r", ChangeOp.CREATE, "c", ChangeOp.UPDATE, "u", ChangeOp.DELETE, "d");
        for (int index = 0; index < RECORDS; index++) {
            byte[] bytes = generator.recordAt(index);
            UserChange meant = changes.get(index);
            assertThat(format.decode(bytes)).isEqualTo(meant);
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .contains("\"op\":\"" + codes.get(meant.getOp()) + "\"")
                    .contains("\"ts_ms\":" + meant.getSourceTs().toEpochMilli());
        }
    }

    @Test
    void everyMalformedChangeIsADeadLetter() {
        EventGenerator<UserChange> generator = generator(USERS.toBuilder().malformedShare(1).build());
        Set<String> kinds = new HashSet<>();
        for (int index = 0; index < RECORDS; index++) {
            Decoded<UserChange> decoded = generator.decodedAt(index);
            assertThat(decoded.isValue()).as("record %d, %s", index, generator.generate(index)).isFalse();
            kinds.add(generator.generate(index).malformedKind().orElseThrow());
        }
        assertThat(kinds).hasSize(JsonCorruption.all(UserChanges.PAYLOAD_FIELDS).size());
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
