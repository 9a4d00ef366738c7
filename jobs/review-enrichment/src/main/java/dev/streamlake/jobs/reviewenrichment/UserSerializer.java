package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;
import dev.streamlake.serde.state.FieldByFieldSerializer;
import dev.streamlake.serde.state.LayoutSnapshot;
import dev.streamlake.serde.state.SerializerTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes a user's fields directly: every user version crosses the network to the joins, and
 * waits in their state, where the heap backend writes every user at each checkpoint and RocksDB
 * reads and writes a user each time the join holds it again; Avro's generic reader and writer
 * cost several times more per row (the benchmark's P segment).
 *
 * <p>Layout 1: the id and country as UTF-8 (null for an absent optional one); the name, email and
 * phone each after a flag: a pseudonym (64 lowercase hex digits, {@link
 * dev.streamlake.core.privacy.Pseudonymiser}) as its 32 bytes, any other text as UTF-8; the birth
 * date's epoch day after a presence flag, the status's position, the opt-in, both times. Those
 * three columns are pseudonyms by default, so a version in state is a third smaller, and so is
 * every checkpoint of it.
 */
public final class UserSerializer extends FieldByFieldSerializer<User> {

    private static final long serialVersionUID = 1L;

    private static final int LAYOUT = 1;

    private static final UserStatus[] STATUSES = UserStatus.values();

    private static final byte TEXT = 0;
    private static final byte PSEUDONYM = 1;
    private static final int PSEUDONYM_BYTES = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] DIGITS = new byte['f' + 1];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < HEX.length; i++) {
            DIGITS[HEX[i]] = (byte) i;
        }
    }

    public static final UserSerializer INSTANCE = new UserSerializer();

    /** The users' type in the job's streams and state. */
    public static final TypeInformation<User> TYPE_INFO = new SerializerTypeInfo<>(User.class, INSTANCE);

    private UserSerializer() {
        super(LAYOUT);
    }

    @Override
    public User createInstance() {
        return new User();
    }

    @Override
    public User copy(User from) {
        // Every field is a string, an enum, a boolean or an immutable time.
        return User.newBuilder(from).build();
    }

    @Override
    public void serialize(User user, DataOutputView out) throws IOException {
        writeText(user.getUserId(), out);
        writePersonal(user.getFullName(), out);
        writePersonal(user.getEmail(), out);
        writePersonal(user.getPhone(), out);
        writeText(user.getCountry(), out);
        LocalDate birthDate = user.getBirthDate();
        out.writeBoolean(birthDate != null);
        if (birthDate != null) {
            out.writeLong(birthDate.toEpochDay());
        }
        out.writeByte(user.getStatus().ordinal());
        out.writeBoolean(user.getMarketingOptIn());
        out.writeLong(user.getCreatedAt().toEpochMilli());
        out.writeLong(user.getUpdatedAt().toEpochMilli());
    }

    @Override
    public User deserialize(DataInputView in) throws IOException {
        User user = new User();
        user.setUserId(readText(in));
        user.setFullName(readPersonal(in));
        user.setEmail(readPersonal(in));
        user.setPhone(readPersonal(in));
        user.setCountry(readText(in));
        user.setBirthDate(in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null);
        user.setStatus(STATUSES[in.readUnsignedByte()]);
        user.setMarketingOptIn(in.readBoolean());
        user.setCreatedAt(Instant.ofEpochMilli(in.readLong()));
        user.setUpdatedAt(Instant.ofEpochMilli(in.readLong()));
        return user;
    }

    /** A personal column: its pseudonym's bytes if it is one, else its text. */
    private static void writePersonal(String text, DataOutputView out) throws IOException {
        byte[] pseudonym = pseudonymBytes(text);
        if (pseudonym == null) {
            out.writeByte(TEXT);
            writeText(text, out);
            return;
        }
        out.writeByte(PSEUDONYM);
        out.write(pseudonym);
    }

    private static String readPersonal(DataInputView in) throws IOException {
        if (in.readByte() == TEXT) {
            return readText(in);
        }
        byte[] pseudonym = new byte[PSEUDONYM_BYTES];
        in.readFully(pseudonym);
        byte[] hex = new byte[2 * PSEUDONYM_BYTES];
        for (int i = 0; i < PSEUDONYM_BYTES; i++) {
            hex[2 * i] = HEX[(pseudonym[i] >>> 4) & 0xf];
            hex[2 * i + 1] = HEX[pseudonym[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of a text of 64 lowercase hex digits, as a pseudonym is (they give it back
     * exactly); null for any other text. One pass with a table: this runs for three columns of
     * every version sent and every user in every heap checkpoint.
     */
    private static byte[] pseudonymBytes(String text) {
        if (text == null || text.length() != 2 * PSEUDONYM_BYTES) {
            return null;
        }
        byte[] bytes = new byte[PSEUDONYM_BYTES];
        for (int i = 0; i < PSEUDONYM_BYTES; i++) {
            int high = digit(text.charAt(2 * i));
            int low = digit(text.charAt(2 * i + 1));
            if ((high | low) < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** A lowercase hex digit's value, -1 for any other character. */
    private static int digit(char c) {
        return c < DIGITS.length ? DIGITS[c] : -1;
    }

    @Override
    protected LayoutSnapshot<User> newSnapshot() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends LayoutSnapshot<User> {

        public Snapshot() {
            super(INSTANCE);
        }
    }
}
