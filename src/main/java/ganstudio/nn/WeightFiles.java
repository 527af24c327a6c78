package ganstudio.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ganstudio.config.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads weights back: a safetensors file (F32, F64 and I64 tensors; torch.save's safetensors from the safetensors
 * package, or an export) or an npz of .npy files ('<f4', '<f8', '<i8'). Anything else is refused with the file, the
 * tensor and what was found. Floats come back as float32.
 */
public final class WeightFiles {

    private static final Pattern NPY_DESCR = Pattern.compile("'descr':\\s*'([<|>]?[a-z]\\d+)'");
    private static final Pattern NPY_SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern NPY_FORTRAN = Pattern.compile("'fortran_order':\\s*True");

    private WeightFiles() {}

    public static Map<String, StateDict.Values> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".npz")) {
                return readNpz(file);
            }
            if (name.endsWith(".safetensors")) {
                return readSafetensors(file);
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": not readable as " + (name.endsWith(".npz") ? "npz" : "safetensors") + " ("
                    + e.getMessage() + ")");
        }
        throw new UserError(file + ": name the weights .safetensors or .npz");
    }

    static Map<String, StateDict.Values> readSafetensors(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        if (n <= 0 || n > all.length - 8) {
            throw new IOException("a header of " + n + " bytes in a file of " + all.length);
        }
        JsonObject header = JsonParser.parseString(new String(all, 8, (int) n, StandardCharsets.UTF_8))
                .getAsJsonObject();
        int start = 8 + (int) n;
        Map<String, StateDict.Values> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonObject t = e.getValue().getAsJsonObject();
            String dtype = t.get("dtype").getAsString();
            long[] shape = new long[t.getAsJsonArray("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.getAsJsonArray("shape").get(i).getAsLong();
            }
            long begin = t.getAsJsonArray("data_offsets").get(0).getAsLong();
            long end = t.getAsJsonArray("data_offsets").get(1).getAsLong();
            if (begin < 0 || end < begin || start + end > all.length) {
                throw new IOException(e.getKey() + ": bytes " + begin + ".." + end + " lie outside the file");
            }
            ByteBuffer data = ByteBuffer.wrap(all, start + (int) begin, (int) (end - begin)).slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
            out.put(e.getKey(), new StateDict.Values(shape, floats(e.getKey(), dtype, data, count(shape))));
        }
        return out;
    }

    static Map<String, StateDict.Values> readNpz(Path file) throws IOException {
        Map<String, StateDict.Values> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                name = name.substring(0, name.length() - 4);
                byte[] bytes = zip.readAllBytes();
                if (name.equals("__metadata__")) {
                    continue;
                }
                out.put(name, npy(name, bytes));
            }
        }
        return out;
    }

    private static StateDict.Values npy(String name, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new IOException(name + ".npy is not a .npy file");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8);
        int at = major == 1 ? 10 : 12;
        String header = new String(bytes, at, headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = NPY_DESCR.matcher(header);
        Matcher s = NPY_SHAPE.matcher(header);
        if (!d.find() || !s.find() || NPY_FORTRAN.matcher(header).find()) {
            throw new IOException(name + ".npy: a header this reader does not take: " + header.trim());
        }
        String[] dims = s.group(1).split(",");
        long[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(x -> !x.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        String dtype = switch (d.group(1).replace("|", "<")) {
            case "<f4" -> "F32";
            case "<f8" -> "F64";
            case "<i8" -> "I64";
            default -> throw new IOException(name + ".npy holds " + d.group(1) + "; expected float32, float64 or "
                    + "int64 (little-endian)");
        };
        ByteBuffer data = ByteBuffer.wrap(bytes, at + headerLength, bytes.length - at - headerLength).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new StateDict.Values(shape, floats(name, dtype, data, count(shape)));
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static float[] floats(String name, String dtype, ByteBuffer data, long count) throws IOException {
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F64", "I64" -> 8;
            default -> throw new IOException(name + " is " + dtype + "; expected F32, F64 or I64");
        };
        if (data.remaining() != count * width) {
            throw new IOException(name + ": " + data.remaining() + " bytes for " + count + " values of " + dtype);
        }
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (dtype) {
                case "F32" -> data.getFloat();
                case "F64" -> (float) data.getDouble();
                default -> data.getLong();
            };
        }
        return out;
    }
}
