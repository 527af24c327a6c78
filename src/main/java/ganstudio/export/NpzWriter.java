package ganstudio.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * numpy's .npz: a zip of one .npy file (format 1.0) per array, named after it, which {@code numpy.load} reads
 * into a name-to-array mapping.
 */
public final class NpzWriter {

    private NpzWriter() {}

    public static void write(OutputStream out, Map<String, Tensor> tensors) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            writeNpy(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** One .npy: magic, version 1.0, the header dict padded so the data starts at a multiple of 64, the data. */
    static void writeNpy(OutputStream out, Tensor t) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (long d : t.shape()) {
            shape.append(d).append(", ");
        }
        if (t.shape().length > 0) {
            shape.setLength(shape.length() - 2);
        }
        if (t.shape().length == 1) {
            shape.append(',');
        }
        shape.append(')');
        String dict = "{'descr': '" + t.numpyType() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(t.data());
    }
}
