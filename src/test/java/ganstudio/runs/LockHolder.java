package ganstudio.runs;

import java.io.IOException;
import java.nio.file.Paths;

/**
 * A second process for {@link RunLockTest}: opens the run given as its argument for writing (and with a second
 * argument writes a summary with that status), prints "locked", and
 * holds the lock until its stdin closes (then releases it) or it is killed (then the lock is left stale).
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        try (RunDirectory run = RunDirectory.openForWriting(Paths.get(args[0]))) {
            if (args.length > 1) { // the run's end is on disk, as after Ctrl-C: a final summary
                com.google.gson.JsonObject summary = new com.google.gson.JsonObject();
                summary.addProperty("status", args[1]);
                run.writeSummary(summary);
            }
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until stdin closes
            }
        }
        System.out.println("released");
    }
}
