package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

class PersonalColumnsTest {

    private static final Pseudonymiser PSEUDONYMS = Pseudonymiser.withSecret(Users.SECRET);
    private static final User ALICE = Users.user("alice", UserStatus.GOLD, 10);

    @Test
    void replacesTheConfiguredColumnsOnlyAndDropsTheBirthDate() {
        User row = new PersonalColumns(PSEUDONYMS, List.of("email", "country")).pseudonymised(ALICE);

        assertThat(row.getEmail()).isEqualTo(PSEUDONYMS.pseudonym(ALICE.getEmail()));
        assertThat(row.getCountry()).isEqualTo(PSEUDONYMS.pseudonym("SE"));
        assertThat(row.getFullName()).isEqualTo(ALICE.getFullName());
        assertThat(row.getPhone()).isEqualTo(ALICE.getPhone());
        assertThat(row.getBirthDate()).isNull();
        assertThat(row.getStatus()).isEqualTo(UserStatus.GOLD);
        assertThat(ALICE.getBirthDate()).as("the input row is left as it was").isNotNull();
    }

    @Test
    void theSamePersonGetsTheSamePseudonymUnderTheSameKeyAndAnotherUnderAnother() {
        List<String> defaults = ReviewEnrichmentKeys.PSEUDONYMISED_COLUMNS.defaultValue().orElseThrow();
        User once = new PersonalColumns(PSEUDONYMS, defaults).pseudonymised(ALICE);
        User again = new PersonalColumns(Pseudonymiser.withSecret(Users.SECRET), defaults).pseudonymised(ALICE);
        User rotated = new PersonalColumns(Pseudonymiser.withSecret(Users.SECRET + " rotated"), defaults).pseudonymised(ALICE);

        assertThat(again.getFullName()).isEqualTo(once.getFullName());
        assertThat(rotated.getFullName()).isNotEqualTo(once.getFullName());
    }

    @Test
    void everyOtherColumnIsCopiedAsItIs() {
        User row = new PersonalColumns(PSEUDONYMS, List.of()).pseudonymised(ALICE);

        // By the schema, so a column added to users is not dropped on the way.
        for (Schema.Field field : User.getClassSchema().getFields()) {
            Object expected = field.name().equals("birth_date") ? null : ALICE.get(field.pos());
            assertThat(row.get(field.pos())).as(field.name()).isEqualTo(expected);
        }
    }

    @Test
    void anAbsentPhoneStaysAbsent() {
        User noPhone = User.newBuilder(ALICE).setPhone(null).build();

        assertThat(new PersonalColumns(PSEUDONYMS, List.of("phone")).pseudonymised(noPhone).getPhone()).isNull();
    }
}
