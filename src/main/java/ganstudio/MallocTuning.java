package ganstudio;

import ganstudio.config.AppProcess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the JVM once with glibc malloc settings that keep PyTorch's freed buffers inside the process.
 *
 * <p>Why: PyTorch frees and re-allocates its multi-megabyte activation buffers every training step. The JVM runs
 * our code on threads that glibc gives secondary malloc arenas, whose 64 MB heaps are unmapped as soon as they
 * fall empty, and buffers above the (adaptive) mmap threshold are unmapped on free. Either way the next step
 * page-faults the memory back in, and on this project's virtual machine that made one process in two 2-4x
 * slower per step than another running the same code (classifier-fashion: 300,000 page faults and 107-245
 * ms/iter against 97,000 and 35-57 ms). Python's PyTorch works on the main thread's arena and never showed it.
 * One arena, a fixed 32 MB mmap threshold and a 1 GB trim threshold hold the faults at start-up's count. glibc
 * reads these only from the environment at process start (the arena limit is cached on first use), hence the
 * restart rather than a call at run time.
 */
final class MallocTuning {

    /** The variables set for the restarted process; the first one also marks it, so it restarts only once. */
    static final Map<String, String> SETTINGS = AppProcess.MALLOC_SETTINGS;

    /** -Dganstudio.relaunch=false keeps the process as started (for a profiler or a debugger attached to it). */
    static final String OPT_OUT_PROPERTY = "ganstudio.relaunch";

    private MallocTuning() {}


    /**
     * Whether this process should restart itself: on Linux (glibc), unless the user set the arena limit
     * themselves (or this is the restarted process) or opted out.
     */
    static boolean applies(Map<String, String> env, String osName, String optOut) {
        return osName != null && osName.toLowerCase().startsWith("linux")
                && !env.containsKey("MALLOC_ARENA_MAX")
                && !"false".equalsIgnoreCase(optOut);
    }

    /** This process's command line (the java binary, JVM options, -jar or main class, arguments), if readable. */
    static Optional<List<String>> currentCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.addAll(List.of(info.arguments().get()));
        return Optional.of(command);
    }

    /**
     * The restarted process's command: command with {@code -Dganstudio.launcher.pid=PID} after the java binary
     * (where JVM options go), so the restarted process ends when this one does (see {@link LauncherWatch}).
     */
    static List<String> withLauncherPid(List<String> command, long pid) {
        List<String> c = new ArrayList<>(command);
        c.add(1, "-D" + LauncherWatch.PROPERTY + "=" + pid);
        return c;
    }

    /**
     * Runs command with {@link #SETTINGS} added to the environment, sharing this process's terminal, and
     * returns its exit code; empty when it could not be started (the caller then carries on in-process). A
     * signal that ends this process (Ctrl-C, SIGTERM from a scheduler or {@code timeout}) is passed on, and
     * this process waits until the child has written its checkpoint and summary.
     */
    static OptionalInt relaunch(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(SETTINGS);
        Process child;
        try {
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread forward = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    if (!child.waitFor(5, TimeUnit.MINUTES)) {
                        child.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "forward-stop-to-child");
        Runtime.getRuntime().addShutdownHook(forward);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(forward);
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child owns the run
            } catch (IllegalStateException e) {
                return OptionalInt.of(child.exitValue()); // already shutting down; the hook has waited
            }
        }
    }
}
