package ganstudio.sweep;

import ganstudio.config.AppProcess;
import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks as separate processes of this app on this machine, a few at a time, each with its share of the
 * cores as PyTorch threads so the machine is full and not oversubscribed. A task's output goes to the sweep's
 * logs/task-NNN.log. The task processes end (checkpoint first) when this process ends, even by kill -9, so a
 * later {@code sweep --resume} finds them stopped, not still writing.
 */
public final class LocalExecutor implements TaskExecutor {

    private final int parallel;
    private final int threadsPerTask;
    private final String device;
    private final Runnable afterEachTask;
    /** The task processes now running; the shutdown hook reads it from its own thread. */
    private final Map<Process, SweepTask> running = Collections.synchronizedMap(new LinkedHashMap<>());

    private LocalExecutor(Builder b) {
        this.parallel = b.parallel;
        this.threadsPerTask = b.threads > 0 ? b.threads : Math.max(1, b.cores / b.parallel);
        this.device = b.device;
        this.afterEachTask = b.afterEachTask;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tasks at once on a machine with this many cores when the user does not say. Measured on the 2-core
     * development machine (docs/measurements/sweep-parallelism.md): one task per core, one thread each.
     */
    public static int defaultParallel(int cores) {
        return Math.max(1, cores);
    }

    public int getParallel() {
        return parallel;
    }

    public int getThreadsPerTask() {
        return threadsPerTask;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean execute(SweepFolder sweep, List<SweepTask> tasks, Progress progress) throws InterruptedException {
        Deque<SweepTask> queue = new ArrayDeque<>(tasks);
        Thread stopChildren = new Thread(this::stopAll, "sweep-stop-tasks");
        Runtime.getRuntime().addShutdownHook(stopChildren);
        try {
            while (!queue.isEmpty() || !running.isEmpty()) {
                while (running.size() < parallel && !queue.isEmpty()) {
                    SweepTask t = queue.removeFirst();
                    Process p = start(sweep, t);
                    progress.started(t, "pid " + p.pid() + ", " + threadsPerTask + " thread(s)");
                }
                boolean ended = false;
                List<Map.Entry<Process, SweepTask>> now;
                synchronized (running) {
                    now = new ArrayList<>(running.entrySet());
                }
                for (Map.Entry<Process, SweepTask> e : now) {
                    if (!e.getKey().isAlive()) {
                        running.remove(e.getKey());
                        progress.ended(e.getValue(), sweep.state(e.getValue()));
                        ended = true;
                    }
                }
                if (ended) {
                    afterEachTask.run();
                } else if (!now.isEmpty()) {
                    now.get(0).getKey().waitFor(250, TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChildren);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
        return true;
    }

    private Process start(SweepFolder sweep, SweepTask t) {
        List<String> args = new ArrayList<>(List.of("sweep", "task", sweep.getPath().toAbsolutePath().toString(),
                String.valueOf(t.index()), "--threads", String.valueOf(threadsPerTask)));
        if (device != null) {
            args.add("--device");
            args.add(device);
        }
        ProcessBuilder pb = new ProcessBuilder(AppProcess.command(args, true));
        pb.environment().putAll(AppProcess.MALLOC_SETTINGS);
        Path log = sweep.logFile(t);
        try {
            Files.createDirectories(log.getParent());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process p = pb.start();
            running.put(p, t);
            return p;
        } catch (IOException e) {
            throw new UserError("task " + t.index() + ": cannot start a process (" + e.getMessage() + ")");
        }
    }

    /** Asks every task process to stop as Ctrl-C would and waits for their checkpoints. */
    private void stopAll() {
        List<Process> ps;
        synchronized (running) {
            ps = new ArrayList<>(running.keySet());
        }
        ps.forEach(Process::destroy);
        for (Process p : ps) {
            try {
                if (!p.waitFor(150, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static final class Builder {
        private int cores = Runtime.getRuntime().availableProcessors();
        private int parallel;
        private int threads;
        private String device;
        private Runnable afterEachTask = () -> { };

        /** Tasks at once; 0 = {@link #defaultParallel}. */
        public Builder optParallel(int parallel) {
            this.parallel = parallel;
            return this;
        }

        /** PyTorch threads per task; 0 = the cores shared out among the tasks at once. */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder optDevice(String device) {
            this.device = device;
            return this;
        }

        /** Run after each task ends (the report is rewritten there). */
        public Builder optAfterEachTask(Runnable r) {
            this.afterEachTask = r;
            return this;
        }

        public LocalExecutor build() {
            if (parallel <= 0) {
                parallel = defaultParallel(cores);
            }
            return new LocalExecutor(this);
        }
    }
}
