package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writer results in checkpoints and on the wire to the bundler. */
public final class DataFileSerializer implements SimpleVersionedSerializer<DataFile> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DataFile file) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        write(file, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public DataFile deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown data file serialization version " + version);
        }
        return read(new DataInputDeserializer(serialized));
    }

    static void write(DataFile file, DataOutputView out) throws IOException {
        writeString(file.path(), out);
        out.writeInt(file.partitionValues().size());
        for (Map.Entry<String, String> value : file.partitionValues().entrySet()) {
            writeString(value.getKey(), out);
            out.writeBoolean(value.getValue() != null);
            if (value.getValue() != null) {
                writeString(value.getValue(), out);
            }
        }
        out.writeLong(file.sizeBytes());
        out.writeLong(file.modificationTime());
        out.writeLong(file.numRecords());
        writeString(file.statistics(), out);
    }

    static DataFile read(DataInputView in) throws IOException {
        String path = readString(in);
        int partitionCount = in.readInt();
        Map<String, String> partitionValues = new LinkedHashMap<>();
        for (int i = 0; i < partitionCount; i++) {
            String column = readString(in);
            partitionValues.put(column, in.readBoolean() ? readString(in) : null);
        }
        long size = in.readLong();
        long modificationTime = in.readLong();
        long numRecords = in.readLong();
        return new DataFile(
                path, partitionValues, size, modificationTime, numRecords, readString(in));
    }

    /** Length-prefixed UTF-8: statistics of wide tables outgrow writeUTF's 64 KB. */
    static void writeString(String text, DataOutputView out) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
