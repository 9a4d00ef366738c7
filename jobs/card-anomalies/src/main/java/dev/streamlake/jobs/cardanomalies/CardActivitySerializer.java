package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.state.FieldByFieldSerializer;
import dev.streamlake.serde.state.LayoutSnapshot;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a card's activity field by field.
 *
 * <p>Layout 1: the number of waiting authorisations, then each as {@link CardAuthorisationSerializer}
 * writes it; the expiry deadline, first seen, last time; the number of hourly buckets, then
 * per bucket its hour, count, mean and sum of squared deviations; the number of recent attempts,
 * then per attempt its time, authorisation id and whether it was approved; the number of rules
 * with a last alert, then per rule its id and the alert's time. (Before the expiry deadline, the
 * same field held the card's one timer, at its first waiting authorisation or its expiry: read as
 * an expiry, it is cleared when it comes, which then sets the real one.) A change of layout
 * needs a new layout number, with this one still read.
 */
public final class CardActivitySerializer extends FieldByFieldSerializer<CardActivity> {

    private static final long serialVersionUID = 1L;

    private static final int LAYOUT = 1;

    static final CardActivitySerializer INSTANCE = new CardActivitySerializer();

    private CardActivitySerializer() {
        super(LAYOUT);
    }

    @Override
    public CardActivity createInstance() {
        return new CardActivity();
    }

    @Override
    public CardActivity copy(CardActivity from) {
        return from.copy();
    }

    @Override
    public void serialize(CardActivity activity, DataOutputView out) throws IOException {
        out.writeInt(activity.waiting.size());
        for (CardAuthorisation authorisation : activity.waiting) {
            CardAuthorisationSerializer.INSTANCE.serialize(authorisation, out);
        }
        out.writeLong(activity.expiry);
        out.writeLong(activity.firstSeen);
        out.writeLong(activity.lastTs);
        HourlyAmounts amounts = activity.amounts;
        out.writeInt(amounts.size);
        for (int i = 0; i < amounts.size; i++) {
            out.writeLong(amounts.hour(i));
            out.writeInt(amounts.count(i));
            out.writeDouble(amounts.mean(i));
            out.writeDouble(amounts.m2(i));
        }
        RecentAttempts attempts = activity.attempts;
        out.writeInt(attempts.size);
        for (int i = 0; i < attempts.size; i++) {
            out.writeLong(attempts.time(i));
            writeText(attempts.id(i), out);
            out.writeBoolean(attempts.approved(i));
        }
        Map<String, Long> lastAlerts = activity.suppression.lastAlerts();
        out.writeInt(lastAlerts.size());
        for (Map.Entry<String, Long> alert : lastAlerts.entrySet()) {
            writeText(alert.getKey(), out);
            out.writeLong(alert.getValue());
        }
    }

    @Override
    public CardActivity deserialize(DataInputView in) throws IOException {
        int waitingCount = in.readInt();
        List<CardAuthorisation> waiting = waitingCount == 0 ? List.of() : new ArrayList<>(waitingCount + 1);
        for (int i = 0; i < waitingCount; i++) {
            waiting.add(CardAuthorisationSerializer.INSTANCE.deserialize(in));
        }
        long expiry = in.readLong();
        long firstSeen = in.readLong();
        long lastTs = in.readLong();
        int buckets = in.readInt();
        HourlyAmounts amounts = new HourlyAmounts(Math.max(buckets, 1));
        for (int i = 0; i < buckets; i++) {
            amounts.append(in.readLong(), in.readInt(), in.readDouble(), in.readDouble());
        }
        int recent = in.readInt();
        RecentAttempts attempts = new RecentAttempts(Math.max(recent, 1));
        for (int i = 0; i < recent; i++) {
            attempts.add(in.readLong(), readText(in), in.readBoolean());
        }
        int alerted = in.readInt();
        Map<String, Long> lastAlerts = alerted == 0 ? null : new TreeMap<>();
        for (int i = 0; i < alerted; i++) {
            lastAlerts.put(readText(in), in.readLong());
        }
        return new CardActivity(waiting, expiry, firstSeen, lastTs, amounts, attempts, new AlertSuppression(lastAlerts));
    }

    @Override
    protected LayoutSnapshot<CardActivity> newSnapshot() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends LayoutSnapshot<CardActivity> {

        public Snapshot() {
            super(INSTANCE);
        }
    }
}
