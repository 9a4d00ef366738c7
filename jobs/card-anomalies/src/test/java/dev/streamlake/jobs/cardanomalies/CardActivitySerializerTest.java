package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** A card's activity goes through its serializer whole, and its copy shares nothing. */
class CardActivitySerializerTest {

    @Test
    void writesAndReadsEveryField() throws Exception {
        CardActivity activity = sample();
        CardActivity read = roundTrip(activity);

        assertThat(read.firstSeen).isEqualTo(5);
        assertThat(read.lastTs).isEqualTo(7_200_000);
        assertThat(read.expiry).isEqualTo(99);
        assertThat(read.waiting).extracting(a -> a.getAuthorisationId()).containsExactly("w1", "w2");
        assertThat(read.waiting.get(0)).isEqualTo(activity.waiting.get(0));
        assertThat(read.amounts.size).isEqualTo(2);
        assertThat(read.amounts.baseline().mean).isEqualTo(activity.amounts.baseline().mean);
        assertThat(read.amounts.baseline().stddev).isEqualTo(activity.amounts.baseline().stddev);
        assertThat(read.attempts.idsSince(0, false)).containsExactly("a1", "a2");
        assertThat(read.attempts.idsSince(0, true)).containsExactly("a2");
        assertThat(read.suppression.lastAlerts()).containsEntry("velocity", 42L);
    }

    @Test
    void aCopySharesNothingWithItsOriginal() {
        CardActivity activity = sample();
        CardActivity copy = CardActivitySerializer.INSTANCE.copy(activity);
        activity.amounts.add(7_300_000, 1000);
        activity.attempts.add(7_300_000, "a3", true);
        activity.suppression.admit("amount-spike", 7_300_000, 60_000);

        assertThat(copy.amounts.baseline().count).isEqualTo(3);
        assertThat(copy.attempts.idsSince(0, false)).containsExactly("a1", "a2");
        assertThat(copy.suppression.lastAlerts()).containsOnlyKeys("velocity");
        activity.handled(2);
        assertThat(copy.waiting).hasSize(2);
    }

    @Test
    void theWaitingListIsKeptOnlyWhileSomethingWaits() throws Exception {
        CardActivity activity = sample();
        activity.handled(1);
        assertThat(activity.waiting).extracting(a -> a.getAuthorisationId()).containsExactly("w2");
        activity.handled(1);
        assertThat(activity.waiting).isEmpty();
        assertThat(roundTrip(activity).waiting).isEmpty();

        assertThat(activity.await(Authorisations.approved("w3", "card-1", 7_400_000, "4.00"))).isTrue();
        assertThat(activity.await(Authorisations.approved("w3", "card-1", 7_400_000, "4.00"))).isFalse();
        assertThat(roundTrip(activity).waiting).extracting(a -> a.getAuthorisationId()).containsExactly("w3");
    }

    @Test
    void aCardWithoutAlertsKeepsNoSuppressionEntries() throws Exception {
        CardActivity activity = new CardActivity();
        assertThat(activity.suppression.admit("velocity", 42, 0)).isTrue();
        assertThat(activity.suppression.lastAlerts()).isEmpty();
        assertThat(roundTrip(activity).suppression.admit("velocity", 43, 60_000)).isTrue();
        assertThat(activity.suppression.admit("velocity", 43, 60_000)).isTrue();
        assertThat(activity.suppression.admit("velocity", 44, 60_000)).isFalse();
        assertThat(roundTrip(activity).suppression.lastAlerts()).containsExactly(java.util.Map.entry("velocity", 43L));
    }

    private static CardActivity roundTrip(CardActivity activity) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        CardActivitySerializer.INSTANCE.serialize(activity, out);
        return CardActivitySerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static CardActivity sample() {
        CardActivity activity = new CardActivity();
        activity.startHistory(5);
        activity.lastTs = 7_200_000;
        activity.expiry = 99;
        activity.await(Authorisations.approved("w2", "card-1", 7_300_000, "3.00"));
        activity.await(Authorisations.approved("w1", "card-1", 7_300_000, "2.00"));
        activity.amounts.add(5, 10);
        activity.amounts.add(6, 12);
        activity.amounts.add(7_200_000, 40);
        activity.attempts.add(6, "a1", true);
        activity.attempts.add(7_200_000, "a2", false);
        activity.suppression.admit("velocity", 42, 60_000);
        return activity;
    }
}
