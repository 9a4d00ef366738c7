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
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes a user's fields directly: every user version crosses the network to the joins, and
 * waits in their state, where the heap backend writes every user at each checkpoint and RocksDB
 * reads and writes a user each time the join holds it again; Avro's generic reader and writer
 * cost several times more per row (the benchmark's P segment).
 *
 * <p>Layout 1: the texts as UTF-8 (null for an absent optional one), the birth date's epoch day
 * after a presence flag, the status's position, the opt-in, both times.
 */
public final class UserSerializer extends FieldByFieldSerializer<User> {

    private static final long serialVersionUID = 1L;

    private static final int LAYOUT = 1;

    private static final UserStatus[] STATUSES = UserStatus.values();

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
        writeText(user.getFullName(), out);
        writeText(user.getEmail(), out);
        writeText(user.getPhone(), out);
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
        user.setFullName(readText(in));
        user.setEmail(readText(in));
        user.setPhone(readText(in));
        user.setCountry(readText(in));
        user.setBirthDate(in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null);
        user.setStatus(STATUSES[in.readUnsignedByte()]);
        user.setMarketingOptIn(in.readBoolean());
        user.setCreatedAt(Instant.ofEpochMilli(in.readLong()));
        user.setUpdatedAt(Instant.ofEpochMilli(in.readLong()));
        return user;
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
