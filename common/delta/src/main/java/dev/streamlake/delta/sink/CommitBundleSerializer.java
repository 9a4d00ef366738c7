package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Commit bundles in the committer's checkpointed state. */
public final class CommitBundleSerializer implements SimpleVersionedSerializer<CommitBundle> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(CommitBundle bundle) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeUTF(bundle.applicationId());
        out.writeLong(bundle.version());
        out.writeLong(bundle.previousVersion());
        out.writeInt(bundle.files().size());
        for (DataFile file : bundle.files()) {
            DataFileSerializer.write(file, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public CommitBundle deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown commit bundle serialization version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String applicationId = in.readUTF();
        long bundleVersion = in.readLong();
        long previousVersion = in.readLong();
        int count = in.readInt();
        List<DataFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add(DataFileSerializer.read(in));
        }
        return new CommitBundle(applicationId, bundleVersion, previousVersion, files);
    }
}
