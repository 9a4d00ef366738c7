package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;
import dev.streamlake.serde.state.FieldByFieldSerializer;
import dev.streamlake.serde.state.LayoutSnapshot;
import dev.streamlake.serde.state.SerializerTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Writes an authorisation's fields directly: every authorisation crosses the network to the task
 * of its card, then to the detector, and waits in its state; Avro's generic reader and writer cost
 * several times more per record.
 *
 * <p>Layout 1: the texts as UTF-8, the fingerprint's length and bytes, the amount's scale and
 * unscaled bytes, the channel's position, each optional number after a presence flag, the time.
 */
public final class CardAuthorisationSerializer extends FieldByFieldSerializer<CardAuthorisation> {

    private static final long serialVersionUID = 1L;

    private static final int LAYOUT = 1;

    private static final PaymentChannel[] CHANNELS = PaymentChannel.values();

    public static final CardAuthorisationSerializer INSTANCE = new CardAuthorisationSerializer();

    /** The authorisations' type in the job's streams and state. */
    public static final TypeInformation<CardAuthorisation> TYPE_INFO =
            new SerializerTypeInfo<>(CardAuthorisation.class, INSTANCE);

    private CardAuthorisationSerializer() {
        super(LAYOUT);
    }

    @Override
    public CardAuthorisation createInstance() {
        return new CardAuthorisation();
    }

    @Override
    public CardAuthorisation copy(CardAuthorisation from) {
        CardAuthorisation copy = CardAuthorisation.newBuilder(from).build();
        copy.setCardFingerprint(ByteBuffer.wrap(bytesOf(from.getCardFingerprint())));
        return copy;
    }

    @Override
    public void serialize(CardAuthorisation authorisation, DataOutputView out) throws IOException {
        writeText(authorisation.getAuthorisationId(), out);
        writeText(authorisation.getCardId(), out);
        byte[] fingerprint = bytesOf(authorisation.getCardFingerprint());
        out.writeInt(fingerprint.length);
        out.write(fingerprint);
        writeText(authorisation.getMerchantId(), out);
        writeText(authorisation.getMerchantCategoryCode(), out);
        BigDecimal amount = authorisation.getAmount();
        out.writeInt(amount.scale());
        byte[] unscaled = amount.unscaledValue().toByteArray();
        out.writeByte(unscaled.length);
        out.write(unscaled);
        writeText(authorisation.getCurrency(), out);
        out.writeByte(authorisation.getChannel().ordinal());
        writeText(authorisation.getMerchantCountry(), out);
        writeOptional(authorisation.getLatitude(), out);
        writeOptional(authorisation.getLongitude(), out);
        out.writeBoolean(authorisation.getApproved());
        writeText(authorisation.getResponseCode(), out);
        Float risk = authorisation.getRiskScore();
        out.writeBoolean(risk != null);
        if (risk != null) {
            out.writeFloat(risk);
        }
        out.writeLong(authorisation.getTs().toEpochMilli());
    }

    @Override
    public CardAuthorisation deserialize(DataInputView in) throws IOException {
        CardAuthorisation authorisation = new CardAuthorisation();
        authorisation.setAuthorisationId(readText(in));
        authorisation.setCardId(readText(in));
        byte[] fingerprint = new byte[in.readInt()];
        in.readFully(fingerprint);
        authorisation.setCardFingerprint(ByteBuffer.wrap(fingerprint));
        authorisation.setMerchantId(readText(in));
        authorisation.setMerchantCategoryCode(readText(in));
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readUnsignedByte()];
        in.readFully(unscaled);
        authorisation.setAmount(new BigDecimal(new BigInteger(unscaled), scale));
        authorisation.setCurrency(readText(in));
        authorisation.setChannel(CHANNELS[in.readUnsignedByte()]);
        authorisation.setMerchantCountry(readText(in));
        authorisation.setLatitude(readOptional(in));
        authorisation.setLongitude(readOptional(in));
        authorisation.setApproved(in.readBoolean());
        authorisation.setResponseCode(readText(in));
        authorisation.setRiskScore(in.readBoolean() ? in.readFloat() : null);
        authorisation.setTs(Instant.ofEpochMilli(in.readLong()));
        return authorisation;
    }

    private static void writeOptional(Double value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readOptional(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    /** The buffer's remaining bytes, leaving its position alone. */
    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    @Override
    protected LayoutSnapshot<CardAuthorisation> newSnapshot() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends LayoutSnapshot<CardAuthorisation> {

        public Snapshot() {
            super(INSTANCE);
        }
    }
}
