package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The privacy scan finds a personal value sent wherever it is in clear, and only there. */
class PersonalValuesTest {

    private static final Instant T = Instant.parse("2024-05-06T00:00:00Z");

    private final PersonalValues personal = new PersonalValues(traffic(), ReviewJob.SECRET);

    @Test
    void findsAValueInAColumnANestedValueAndRawBytes() {
        assertThatThrownBy(() -> personal.assertNoneInTables(Map.of("t", List.of(Map.of("body", "mail ada@example.org")))))
                .hasMessageContaining("ada@example.org");
        assertThatThrownBy(() -> personal.assertNoneInTables(
                        Map.of("t", List.of(Map.of("origin", Map.of("name", "Ada Lovelace"))))))
                .hasMessageContaining("t.origin.name");
        assertThatThrownBy(() -> personal.assertNoneIn("a topic",
                        List.of("{\"phone\":\"+44 7700 900123\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("+44 7700 900123");
    }

    @Test
    void passesPseudonymsAndOtherValues() {
        String pseudonym = Pseudonymiser.withSecret(ReviewJob.SECRET).pseudonym("ada@example.org");
        assertThatCode(() -> personal.assertNoneInTables(Map.of("t", List.of(Map.of("user_email", pseudonym, "user_id", "u-1")))))
                .doesNotThrowAnyException();
        assertThatCode(() -> personal.assertPseudonymColumns("t", List.of(Map.of("user_email", pseudonym))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> personal.assertPseudonymColumns("t", List.of(Map.of("user_email", "ada@example.org"))))
                .hasMessageContaining("user_email");
    }

    private static SentTraffic traffic() {
        User user = User.newBuilder()
                .setUserId("u-1").setFullName("Ada Lovelace").setEmail("ada@example.org").setPhone("+44 7700 900123")
                .setCountry("GB").setBirthDate(null).setStatus(UserStatus.GOLD).setMarketingOptIn(false)
                .setCreatedAt(T).setUpdatedAt(T)
                .build();
        SentTraffic sent = new SentTraffic();
        sent.change("create", UserChange.newBuilder()
                .setOp(ChangeOp.CREATE).setKey("u-1").setBefore(null).setAfter(user).setSourceTs(T)
                .setSourceConnector(null).setSourceDb("shop").setSourceTable("users").setSnapshot(false)
                .setTransactionId(null).setProcessedAt(null)
                .build());
        return sent;
    }
}
