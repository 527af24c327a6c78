package ganstudio.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The safetensors format (huggingface/safetensors): an 8-byte little-endian header length, a JSON header naming
 * each tensor's dtype, shape and byte range (and a string-to-string {@code __metadata__}), padded with spaces to a
 * multiple of 8, then the tensors' bytes back to back in header order.
 */
public final class SafetensorsWriter {

    private SafetensorsWriter() {}

    public static void write(OutputStream out, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", t.dtype());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + t.data().length);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
            offset += t.data().length;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] head = new byte[padded];
        java.util.Arrays.fill(head, (byte) ' ');
        System.arraycopy(json, 0, head, 0, json.length);
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.write(head);
        for (Tensor t : tensors.values()) {
            out.write(t.data());
        }
    }
}
