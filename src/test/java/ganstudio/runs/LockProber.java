package ganstudio.runs;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A second process for {@link RunLockTest}: asks who writes the run given as its argument as fast as it can
 * (what the studio and `sweep status` do every second or two), prints "probing", until killed.
 */
public final class LockProber {

    private LockProber() {}

    public static void main(String[] args) {
        Path dir = Paths.get(args[0]);
        System.out.println("probing");
        System.out.flush();
        while (true) {
            RunLock.writer(dir);
        }
    }
}
