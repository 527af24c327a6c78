package ganstudio.data;

import ganstudio.config.UserError;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** File checks and stream opening shared by the readers, so every reader words its errors the same way. */
final class DataFiles {

    private static final int BUFFER = 1 << 16;

    /**
     * The largest image side read from a data file. The networks see 28, 32 or 64 pixels, so a bigger picture
     * only costs memory (a 4096x4096 RGB image decodes to 64 MB of ARGB and 192 MB of float planes, per decoding
     * thread); a side beyond it is far more often a corrupt header than a real data set.
     */
    static final int MAX_SIDE = 4096;

    /** The longest Java array: what one set's pixels may hold. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private DataFiles() {
    }

    /** Fails with "path: no such file or directory (hint)" when {@code path} does not exist. */
    static void requireExists(Path path, String hint) {
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such file or directory" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }

    static void requireDirectory(Path path, String hint) {
        requireExists(path, hint);
        if (!Files.isDirectory(path)) {
            throw new UserError(path + ": is a file, not a folder" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }

    static void requireFile(Path path, String hint) {
        requireExists(path, hint);
        if (Files.isDirectory(path)) {
            throw new UserError(path + ": is a folder, not a file" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }

    static boolean isGzip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw ioError(path, e);
        }
    }

    /**
     * Opens {@code path}, decompressing it when it starts with the gzip magic bytes whatever its name. A gzip
     * file is one member: bytes after it are an error when the reader reaches them ({@link GzipMember}).
     */
    static InputStream open(Path path) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GzipMember(raw, path), BUFFER);
            }
            return raw;
        } catch (IOException e) {
            throw ioError(path, e);
        }
    }

    /** The length of a file on disk. */
    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw ioError(path, e);
        }
    }

    /**
     * Fails before allocating {@code bytes} that cannot fit in the Java heap at all: the file is real but too big,
     * and the advice is about the heap, not the networks.
     */
    static void requireHeap(Path path, long bytes, String what) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new UserError(path.getFileName() + ": " + what + " need " + (bytes >> 20) + " MB as floats, more"
                    + " than the whole Java heap (" + (heap >> 20) + " MB); raise -Xmx or use a smaller file");
        }
    }

    /** Bytes read in chunks, so nothing bigger than what actually arrived is ever allocated. */
    static final class Chunks {
        private final java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        private final java.util.List<Integer> lengths = new java.util.ArrayList<>();
        private long length;

        long length() {
            return length;
        }

        /** Visits the chunks in order with their offset in the whole. */
        void forEach(ChunkVisitor v) {
            long at = 0;
            for (int i = 0; i < chunks.size(); i++) {
                v.visit(chunks.get(i), lengths.get(i), at);
                at += lengths.get(i);
            }
        }
    }

    /** See {@link Chunks#forEach}. */
    interface ChunkVisitor {
        void visit(byte[] chunk, int length, long offset);
    }

    /** Reads up to {@code max} bytes, or until the stream ends, chunk by chunk. */
    static Chunks readChunks(InputStream in, long max, Path path) {
        Chunks c = new Chunks();
        while (c.length < max) {
            int want = (int) Math.min(BUFFER * 16L, max - c.length);
            byte[] chunk = new byte[want];
            int got = readUpTo(in, chunk, want, path);
            if (got > 0) {
                c.chunks.add(chunk);
                c.lengths.add(got);
                c.length += got;
            }
            if (got < want) {
                break;
            }
        }
        return c;
    }

    /** Reads until {@code len} bytes or end of stream; returns how many were read. */
    static int readUpTo(InputStream in, byte[] buf, int len, Path path) {
        try {
            return in.readNBytes(buf, 0, len);
        } catch (IOException e) {
            throw ioError(path, e);
        }
    }

    /** Counts what is left in the stream, to report trailing bytes exactly. */
    static long remaining(InputStream in, Path path) {
        try {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw ioError(path, e);
        }
    }

    /** One-line user error for an I/O failure, naming the usual cause instead of the exception class. */
    static UserError ioError(Path path, IOException e) {
        if (e instanceof GzipMember.TrailingDataException) {
            return new UserError(e.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new UserError(path + ": truncated gzip data (the file was cut short; download it again)", e);
        }
        if (e instanceof ZipException) {
            return new UserError(path + ": corrupt gzip data (" + e.getMessage() + "; download it again)", e);
        }
        if (e instanceof AccessDeniedException) {
            return new UserError(path + ": permission denied (make it readable)", e);
        }
        return new UserError(path + ": cannot read: " + e.getMessage(), e);
    }
}
