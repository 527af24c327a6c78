package ganstudio;

import ganstudio.config.AppProcess;
import ganstudio.cli.StopOnShutdown;

import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * In the process that {@link MallocTuning} restarted: ends it when the launcher (the process the user started)
 * ends, so that a {@code kill -9} of the launcher cannot leave an orphaned trainer behind that a later
 * {@code train --resume} would race for the same run folder.
 *
 * <p>The launcher passes its pid as {@code -Dganstudio.launcher.pid}. A daemon thread reads this process's
 * parent pid once a second; when it is no longer the launcher (the kernel re-parents an orphan at once, even
 * while the dead launcher is still a zombie), it calls {@link System#exit}: the shutdown hooks then stop the run
 * the way Ctrl-C does (the current step ends, a checkpoint and a "stopped" summary are written). If that has not
 * ended the process after {@link #HALT_AFTER_SECONDS}, it halts.
 */
final class LauncherWatch {

    /** The launcher's pid, set on the restarted process's command line. */
    static final String PROPERTY = AppProcess.LAUNCHER_PID_PROPERTY;

    /** The exit code of a process whose launcher was killed (as for SIGTERM: 128 + 15). */
    static final int EXIT_CODE = 143;

    /** Longer than the longest graceful stop the CLI waits for (a classifier's 120 s), then a halt. */
    static final int HALT_AFTER_SECONDS = 150;

    private LauncherWatch() {}

    /**
     * Whether the launcher is gone, given this process's parent as the system reports it now: the parent is no
     * longer the launcher; or, where the parent cannot be read, the launcher's pid is not alive.
     */
    static boolean launcherGone(long launcherPid, OptionalLong parentPid, boolean launcherAlive) {
        if (parentPid.isPresent()) {
            return parentPid.getAsLong() != launcherPid;
        }
        return !launcherAlive;
    }

    /** The launcher's pid from the system property, if this process is the restarted one. */
    static OptionalLong launcherPid(String property) {
        if (property == null || property.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(property.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Starts the watch when this process was restarted by a launcher; otherwise does nothing. */
    static void startIfRestarted(PrintStream err) {
        OptionalLong launcher = launcherPid(System.getProperty(PROPERTY));
        if (launcher.isEmpty()) {
            return;
        }
        long pid = launcher.getAsLong();
        Thread watch = new Thread(() -> {
            while (!gone(pid)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            err.println("the launcher (pid " + pid + ") has ended; stopping as Ctrl-C would (checkpoint and summary),"
                    + " then exiting");
            Thread halt = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(HALT_AFTER_SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                err.println("the stop took over " + HALT_AFTER_SECONDS + " s; halting");
                Runtime.getRuntime().halt(EXIT_CODE);
            }, "launcher-gone-halt");
            halt.setDaemon(true);
            halt.start();
            System.setProperty(ganstudio.cli.StopOnShutdown.EXIT_CAUSE, "stopped because its launcher (pid " + pid
                    + ") ended");
            System.exit(EXIT_CODE);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static boolean gone(long launcherPid) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        OptionalLong parentPid = parent.isPresent() ? OptionalLong.of(parent.get().pid()) : OptionalLong.empty();
        boolean alive = parentPid.isEmpty()
                && ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
        return launcherGone(launcherPid, parentPid, alive);
    }
}
