package ganstudio.runs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file of a run could not be written (disk full, folder made read-only, file system gone). Not a user error:
 * the run ends as failed with the file and the operating system's reason, its last good checkpoint kept, and the
 * CLI exits 1.
 */
public final class RunWriteException extends RuntimeException {

    public RunWriteException(Path file, IOException cause) {
        super(file + ": cannot write (" + reason(cause) + ")", cause);
    }

    /** A failure described in words (every frame of a run failing to write). */
    public RunWriteException(String message) {
        super(message);
    }

    /** The OS's words without the path repeated (a FileSystemException's message starts with it). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
