package ganstudio.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One exported array: its type as safetensors names it (F32, I64, U8), its shape, and its values in little-endian
 * order, which is what both safetensors and .npy (with '<') store.
 */
public record Tensor(String dtype, long[] shape, byte[] data) {

    public static Tensor floats(long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Tensor("F32", shape.clone(), b.array());
    }

    public static Tensor longs(long[] shape, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new Tensor("I64", shape.clone(), b.array());
    }

    public static Tensor bytes(byte[] values) {
        return new Tensor("U8", new long[] {values.length}, values.clone());
    }

    /** numpy's descr of the type: '<f4', '<i8', '|u1'. */
    String numpyType() {
        switch (dtype) {
            case "F32":
                return "<f4";
            case "I64":
                return "<i8";
            case "U8":
                return "|u1";
            default:
                throw new IllegalStateException("no numpy type for " + dtype);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype.equals(t.dtype) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
