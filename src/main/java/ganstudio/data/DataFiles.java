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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** File checks and stream opening shared by the readers, so every reader words its errors the same way. */
final class DataFiles {

    private static final int BUFFER = 1 << 16;

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

    /** Opens {@code path}, decompressing it when it starts with the gzip magic bytes whatever its name. */
    static InputStream open(Path path) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
            }
            return raw;
        } catch (IOException e) {
            throw ioError(path, e);
        }
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
