package ganstudio.media.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the lowest CPU priority the OS gives without privileges, so it runs on what
 * training leaves idle instead of taking turns with it. Java's own thread priorities do nothing on Linux: every
 * thread gets the same share, and on a machine whose cores all train, each slice the encoder takes stalls
 * PyTorch's parallel loops (ring8-wgan ran about 7-10% slower per iteration while recording). Linux's
 * SCHED_IDLE policy fits best: such a thread only runs on an idle core and any ordinary thread that wakes takes
 * the core back at once. Where chrt is missing, nice 19 is the fallback (a small share, but still a share).
 */
final class BackgroundPriority {

    static final int NICE = 19;
    /** Linux's number for the SCHED_IDLE policy, as /proc/.../stat reports it. */
    static final int SCHED_IDLE = 5;

    private BackgroundPriority() {}

    /**
     * Lowers the calling thread's priority; false where that is not possible (not Linux, no /proc/thread-self, no
     * chrt or renice), and the thread then runs at normal priority.
     */
    static boolean lowerCurrentThread() {
        long tid = currentThreadId();
        if (tid <= 0) {
            return false;
        }
        // Both change the thread whose id they are given, not its process; both are util-linux, on every Linux.
        // Entering SCHED_IDLE needs no privilege (leaving it would).
        return run("chrt", "--idle", "-p", "0", String.valueOf(tid))
                || run("renice", "-n", String.valueOf(NICE), "-p", String.valueOf(tid));
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The kernel's id of the calling thread (Linux), or -1. */
    static long currentThreadId() {
        Path self = Paths.get("/proc/thread-self");
        try {
            // A link to "<pid>/task/<tid>".
            Path target = Files.readSymbolicLink(self);
            return Long.parseLong(target.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return -1;
        }
    }

    /** The scheduling policy of the calling thread (Linux: 0 normal, 5 idle), or -1 where it cannot be read. */
    static int currentPolicy() {
        return statField(41);
    }

    /** Field {@code n} (numbered from 1, as in proc(5)) of /proc/thread-self/stat, or -1. */
    private static int statField(int n) {
        try {
            // Counted after the command name's closing parenthesis: the name may hold spaces. Field 3 comes next.
            String stat = Files.readString(Paths.get("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(f[n - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
