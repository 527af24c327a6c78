package ganstudio.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses exactly one gzip member (RFC 1952) and fails on anything after it. GZIPInputStream would go on
 * into a second member (two files joined with cat) or stop silently at trailing garbage; a data file is one
 * stream, so both are corruption to report. Decompression is incremental: only what the reader asks for is
 * inflated, so a header that promises more than the file holds is found out without allocating the promise.
 */
final class GzipMember extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Path path;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[1 << 16];
    private final byte[] one = new byte[1];
    private int bufLen;
    private int bufPos;
    private boolean done;

    /** {@code in} is positioned at the gzip magic bytes. */
    GzipMember(InputStream in, Path path) throws IOException {
        this.in = in;
        this.path = path;
        readHeader();
        inflater.setInput(buf, bufPos, bufLen - bufPos); // what the header's read brought in beyond itself
    }

    private int rawByte() throws IOException {
        if (bufPos == bufLen) {
            bufLen = in.read(buf, 0, buf.length);
            bufPos = 0;
            if (bufLen <= 0) {
                bufLen = 0;
                throw new EOFException(path + ": unexpected end of gzip data");
            }
        }
        return buf[bufPos++] & 0xFF;
    }

    private int rawShort() throws IOException {
        return rawByte() | rawByte() << 8;
    }

    private long rawInt() throws IOException {
        return (rawShort() | (long) rawShort() << 16) & 0xFFFFFFFFL;
    }

    private void readHeader() throws IOException {
        if (rawShort() != 0x8b1f) {
            throw new ZipException("not in gzip format");
        }
        if (rawByte() != 8) {
            throw new ZipException("unsupported compression method");
        }
        int flags = rawByte();
        for (int i = 0; i < 6; i++) {
            rawByte(); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            for (int n = rawShort(); n > 0; n--) {
                rawByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (rawByte() != 0) {
                // the original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (rawByte() != 0) {
                // a comment
            }
        }
        if ((flags & FHCRC) != 0) {
            rawShort();
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() == null ? "invalid compressed data" : e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                bufPos = bufLen - inflater.getRemaining();
                readTrailer();
                done = true;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("invalid compressed data (needs a preset dictionary)");
            } else if (inflater.needsInput()) {
                bufLen = in.read(buf, 0, buf.length);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    throw new EOFException(path + ": unexpected end of gzip data");
                }
                inflater.setInput(buf, 0, bufLen);
            }
        }
        return -1;
    }

    private void readTrailer() throws IOException {
        long storedCrc = rawInt();
        long storedSize = rawInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException("checksum mismatch: the data does not match its CRC-32");
        }
        if (storedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
            throw new ZipException("length mismatch: the trailer says " + storedSize + " bytes");
        }
        long extra = bufLen - bufPos;
        byte[] skip = new byte[8192];
        for (int n; (n = in.read(skip)) > 0 && extra < (1L << 20); ) {
            extra += n;
        }
        if (extra > 0) {
            throw new TrailingDataException(path + ": " + (extra >= (1L << 20) ? "more than " + extra : extra)
                    + " bytes after the end of the gzip stream (the file is corrupt, or several files were joined)");
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Bytes after the member's trailer: its message is the whole user-facing line. */
    static final class TrailingDataException extends ZipException {
        private static final long serialVersionUID = 1L;

        TrailingDataException(String message) {
            super(message);
        }
    }
}
