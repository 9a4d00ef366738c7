package dev.streamlake.serde.state;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Layout 1: readings, sum. Layout 2: readings, sum, unit. */
final class MeterTotalSerializer extends FieldByFieldSerializer<MeterTotal> {

    private static final long serialVersionUID = 1L;

    static final int UNIT_ADDED = 2;

    static final MeterTotalSerializer INSTANCE = new MeterTotalSerializer(UNIT_ADDED);

    MeterTotalSerializer(int layout) {
        super(layout);
    }

    @Override
    public MeterTotal createInstance() {
        return new MeterTotal();
    }

    @Override
    public MeterTotal copy(MeterTotal from) {
        return new MeterTotal(from.readings, from.sum, from.unit);
    }

    @Override
    public void serialize(MeterTotal total, DataOutputView out) throws IOException {
        out.writeLong(total.readings);
        out.writeDouble(total.sum);
        if (layout() >= UNIT_ADDED) {
            writeText(total.unit, out);
        }
    }

    @Override
    public MeterTotal deserialize(DataInputView in) throws IOException {
        MeterTotal total = new MeterTotal();
        total.readings = in.readLong();
        total.sum = in.readDouble();
        if (layout() >= UNIT_ADDED) {
            total.unit = readText(in);
        }
        return total;
    }

    @Override
    protected LayoutSnapshot<MeterTotal> newSnapshot() {
        return new Snapshot();
    }

    public static final class Snapshot extends LayoutSnapshot<MeterTotal> {

        public Snapshot() {
            super(INSTANCE, 1, MeterTotalSerializer::new);
        }
    }
}
