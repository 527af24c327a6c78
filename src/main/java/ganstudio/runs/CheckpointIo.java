package ganstudio.runs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The files of one checkpoint. state.bin starts with a header that vouches for the whole folder:
 *
 * <pre>
 * int  magic "GSCP"   int version   int file count
 * per other file: UTF name, long length, long CRC32
 * long payload length, long payload CRC32, then the payload (counters, optimizer moments, trick state)
 * </pre>
 *
 * Everything is checked against the real bytes before a trainer is touched, so a folder cut short by a power loss
 * or a hostile file is refused with the file and what is wrong, never allocated from. Files are fsynced as they
 * are written. A state.bin without the magic is version 1 (before 2026-12-06), read without those checks.
 */
public final class CheckpointIo {

    public static final String STATE = "state.bin";
    public static final int MAGIC = 0x47534350;
    public static final int VERSION = 2;
    /** A checkpoint's parts are bounded by Java's arrays; no real network comes near it. */
    private static final long MAX_PART = Integer.MAX_VALUE - 16;

    private CheckpointIo() {}

    /** Writes one part of a checkpoint. */
    public interface Part {
        void write(DataOutputStream out) throws IOException;
    }

    /** A checkpoint's verified contents. */
    public record Contents(Path folder, int version, Map<String, byte[]> files, byte[] payload) {

        public DataInputStream file(String name) {
            return new DataInputStream(new ByteArrayInputStream(files.get(name)));
        }

        public DataInputStream state() {
            return new DataInputStream(new ByteArrayInputStream(payload));
        }
    }

    /** Writes the named files and state.bin (with their lengths and checksums) into folder, each fsynced. */
    public static void write(Path folder, Map<String, Part> files, Part state) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(MAGIC);
        h.writeInt(VERSION);
        h.writeInt(files.size());
        for (Map.Entry<String, Part> e : files.entrySet()) {
            byte[] bytes = bytesOf(e.getValue());
            writeSynced(folder.resolve(e.getKey()), bytes);
            h.writeUTF(e.getKey());
            h.writeLong(bytes.length);
            h.writeLong(crc(bytes));
        }
        byte[] payload = bytesOf(state);
        h.writeLong(payload.length);
        h.writeLong(crc(payload));
        h.write(payload);
        h.flush();
        writeSynced(folder.resolve(STATE), header.toByteArray());
    }

    /**
     * Reads and verifies a checkpoint folder.
     *
     * @param names the files besides state.bin that the run's kind needs
     * @throws IOException naming the file and what is wrong with it
     */
    public static Contents read(Path folder, List<String> names) throws IOException {
        byte[] state = readBounded(folder.resolve(STATE));
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (state.length < 4 || ByteBuffer.wrap(state).getInt() != MAGIC) {
            for (String name : names) {
                files.put(name, readBounded(folder.resolve(name)));
            }
            return new Contents(folder, 1, files, state);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        try {
            in.readInt();
            int version = in.readInt();
            if (version < 2 || version > VERSION) {
                throw new IOException(folder.resolve(STATE) + ": format version " + version + ", this GAN Studio "
                        + "reads 1 to " + VERSION + " (a newer version wrote it?)");
            }
            int count = in.readInt();
            if (count < 0 || count > 16) {
                throw new IOException(folder.resolve(STATE) + ": lists " + count + " files (damaged header)");
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long length = in.readLong();
                long sum = in.readLong();
                if (!names.contains(name)) {
                    throw new IOException(folder.resolve(STATE) + ": lists '" + name + "', which this kind of run "
                            + "does not have (a checkpoint of another run?)");
                }
                Path file = folder.resolve(name);
                long actual = Files.isRegularFile(file) ? Files.size(file) : -1;
                if (actual != length) {
                    throw new IOException(file + ": " + (actual < 0 ? "missing" : actual + " bytes") + ", the "
                            + "checkpoint wrote " + length);
                }
                byte[] bytes = readBounded(file);
                if (crc(bytes) != sum) {
                    throw new IOException(file + ": checksum does not match what the checkpoint wrote (damaged)");
                }
                files.put(name, bytes);
            }
            for (String name : names) {
                if (!files.containsKey(name)) {
                    throw new IOException(folder.resolve(STATE) + ": does not list " + name);
                }
            }
            long length = in.readLong();
            long sum = in.readLong();
            if (length != in.available()) {
                throw new IOException(folder.resolve(STATE) + ": declares " + length + " bytes of state, holds "
                        + in.available());
            }
            byte[] payload = in.readNBytes((int) length);
            if (crc(payload) != sum) {
                throw new IOException(folder.resolve(STATE) + ": checksum does not match (damaged)");
            }
            return new Contents(folder, version, files, payload);
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new IOException(folder.resolve(STATE) + ": header cut short (damaged)");
        }
    }

    /**
     * Refuses a part whose length differs from what writer (this run's network) writes: a file cut short, or a
     * checkpoint of another architecture, before anything is read from it.
     */
    public static void requireLength(Contents c, String name, Part writer) throws IOException {
        int expected = bytesOf(writer).length;
        int actual = c.files().get(name).length;
        if (actual != expected) {
            throw new IOException(c.folder().resolve(name) + ": " + actual + " bytes, this run's network writes "
                    + expected + " (cut short, or a checkpoint of another architecture)");
        }
    }

    /** Reads a checkpoint's state payload. */
    public interface StateReader {
        void read(DataInputStream state, int version) throws IOException;
    }

    /**
     * Runs reader over the state payload, naming state.bin in whatever goes wrong, and refuses a payload that is
     * longer than what the reader took (the state of another config).
     */
    public static void readState(Contents c, StateReader reader) throws IOException {
        Path file = c.folder().resolve(STATE);
        DataInputStream state = c.state();
        try {
            reader.read(state, c.version());
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": cut short (damaged)", e);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (state.available() != 0) {
            throw new IOException(file + ": " + state.available() + " bytes more than this run's state (a "
                    + "checkpoint of another config?)");
        }
    }

    /**
     * Reads a length-prefixed block of a checkpoint's state, refusing a length that is negative or larger than
     * what is left, so a damaged length never becomes an allocation.
     */
    public static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a block of " + n + " bytes where " + in.available() + " remain (damaged)");
        }
        return in.readNBytes(n);
    }

    /** Reads a count of items that take at least minBytes each, refusing one that the rest cannot hold. */
    public static int readCount(DataInputStream in, int minBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytes > in.available()) {
            throw new IOException("a count of " + n + " where " + in.available() + " bytes remain (damaged)");
        }
        return n;
    }

    private static byte[] readBounded(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new IOException(file + ": empty (cut short by a crash or a full disk?)");
        }
        if (size > MAX_PART) {
            throw new IOException(file + ": " + size + " bytes, more than a checkpoint part can be");
        }
        return Files.readAllBytes(file);
    }

    private static byte[] bytesOf(Part part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            part.write(out);
        }
        return bytes.toByteArray();
    }

    private static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    /** Writes and fsyncs a file, so that a rename after it never publishes data still in the page cache. */
    static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** fsyncs a folder's entry list (Linux allows opening a directory for this; elsewhere it is skipped). */
    static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a folder; the rename is still atomic there
        }
    }
}
