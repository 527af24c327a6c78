package ganstudio.sweep;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Replaces a file in one rename. The temporary file's name is unique, so two processes writing the report at the
 * same moment (two tasks ending together) each move a whole file into place and a reader sees one or the other.
 */
final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    static void write(Path file, byte[] data) {
        Path tmp = null;
        try {
            // not Files.createTempFile: it makes the file readable by its owner only, and the report is for everyone
            // who can read the sweep
            tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            Files.write(tmp, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new UserError(file + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
