package ganstudio.train.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.train.Devices;
import ganstudio.train.common.DivergenceException;
import ganstudio.train.common.EngineSetup;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the bench workloads through the real engine and prints one line each: median ms per iteration,
 * samples/s, achieved GFLOP/s and its share of the machine's measured fp32 matmul rate (the ceiling line).
 * The PyTorch reference (src/bench/pytorch_reference.py) prints the same columns.
 */
public final class Bench {

    /** Side of the square matrices of the ceiling measurement. */
    static final int MATMUL_N = 2048;
    /** Products timed for the ceiling (fewer for a short smoke run of the bench). */
    private static final int MATMUL_REPEATS = 10;

    private final PrintStream out;
    private final BenchOptions options;

    public Bench(PrintStream out, BenchOptions options) {
        this.out = out;
        this.options = options;
    }

    /** Runs the timing (or the soak) and prints the results. */
    public void run() {
        Engine engine = EngineSetup.setThreads(options.threads());
        Device device = Devices.resolve(options.device());
        out.printf(Locale.ROOT, "# GAN Studio bench: %s %s, DJL %s, %s, %d inter-op thread(s), load average %s%n",
                engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), Devices.describe(device),
                JniUtils.getNumInteropThreads(), loadAverage());
        out.println("# glibc malloc: " + mallocSettings());
        if (options.soak() > 0) {
            soak(device);
            return;
        }
        out.printf(Locale.ROOT, "# %d timed iterations after %d warm-up; median per iteration (cpu-ms: process CPU "
                + "time, all threads)%n", options.iters(), options.warmup());
        double ceiling = matmul(device, Math.max(3, Math.min(MATMUL_REPEATS, options.iters())));
        out.printf(Locale.ROOT, "matmul\t%.2f ms/op\t%.1f GFLOP/s\t(ceiling: %d^3 fp32, %.3f GFLOP/op)%n",
                Flops.matmul(MATMUL_N) / ceiling / 1e6, ceiling, MATMUL_N, Flops.matmul(MATMUL_N) / 1e9);
        for (String name : options.workloads()) {
            try (Workload w = create(name, options.threads(), device)) {
                Timing t;
                try {
                    t = time(w, options.warmup(), options.iters());
                } catch (DivergenceException e) {
                    // Random data can drive a GAN to NaN; say so and time the other workloads.
                    out.printf(Locale.ROOT, "%s\tdiverged: %s%n", name, e.getMessage());
                    continue;
                }
                double ms = t.ms();
                double gflops = w.flopsPerIteration() / ms / 1e6;
                out.printf(Locale.ROOT, "%s\t%.2f ms/iter\t%.0f samples/s\t%.1f GFLOP/s\t%.1f%% of matmul\t"
                        + "(%.3f GFLOP/iter)\t%.1f cpu-ms/iter%n", name, ms, w.batchSize() / ms * 1e3, gflops,
                        100 * gflops / ceiling, w.flopsPerIteration() / 1e9, t.cpuMs());
            }
        }
        out.printf(Locale.ROOT, "# load average at the end %s%n", loadAverage());
    }

    static Workload create(String name, int threads, Device device) {
        if (ClassifierWorkload.NAME.equals(name)) {
            return new ClassifierWorkload(threads, device);
        }
        return GanWorkload.create(name, threads, device);
    }

    /** Median wall and process CPU milliseconds of one iteration. */
    record Timing(double ms, double cpuMs) {}

    static Timing time(Workload w, int warmup, int iters) {
        for (int i = 0; i < warmup; i++) {
            w.iterate();
        }
        double[] ms = new double[iters];
        double[] cpu = new double[iters];
        for (int i = 0; i < iters; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            w.iterate();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (processCpuNanos() - c0) / 1e6;
        }
        return new Timing(median(ms), median(cpu));
    }

    /** CPU time of the whole process (every thread), or 0 where the JVM does not say. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The fp32 matmul rate in GFLOP/s: median of several 2048^3 products through the engine. */
    private static double matmul(Device device, int repeats) {
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray a = m.randomNormal(new Shape(MATMUL_N, MATMUL_N));
            NDArray b = m.randomNormal(new Shape(MATMUL_N, MATMUL_N));
            double[] ms = new double[repeats];
            for (int i = -2; i < repeats; i++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    if (device.isGpu()) {
                        c.get(0, 0).getFloat(); // waits for the kernel
                    }
                }
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return Flops.matmul(MATMUL_N) / median(ms) / 1e6;
        }
    }

    /** Runs one workload for a long time and prints the process's resident memory as it goes. */
    private void soak(Device device) {
        String name = options.workloads().get(0);
        int total = options.soak();
        int every = options.soakEvery() > 0 ? options.soakEvery() : Math.max(1, total / 20);
        // Warm-up for the growth figure: the first tenth of the run, at least one report interval.
        int warm = Math.min(total, Math.max(every, total / 10));
        out.printf(Locale.ROOT, "# soak: %s for %d iterations; resident memory every %d; growth measured after "
                + "iteration %d%n", name, total, every, warm);
        out.println("iteration\tVmRSS MB\tlive arrays\tms/iter (interval mean)");
        try (Workload w = create(name, options.threads(), device)) {
            long baseline = -1;
            long last = -1;
            long t0 = System.nanoTime();
            for (int i = 1; i <= total; i++) {
                w.iterate();
                if (i % every == 0 || i == total) {
                    long rss = residentKb();
                    double ms = (System.nanoTime() - t0) / 1e6 / (i % every == 0 ? every : i % every);
                    out.printf(Locale.ROOT, "%d\t%.1f\t%s\t%.1f%n", i, rss / 1024.0, liveArrays(w), ms);
                    if (i >= warm && baseline < 0) {
                        baseline = rss;
                    }
                    last = rss;
                    t0 = System.nanoTime();
                }
            }
            if (baseline > 0 && last > 0) {
                out.printf(Locale.ROOT, "# resident memory after warm-up: %.1f MB -> %.1f MB (%+.1f%%)%n",
                        baseline / 1024.0, last / 1024.0, 100.0 * (last - baseline) / baseline);
            } else {
                out.println("# resident memory: not available on this system (/proc/self/status)");
            }
        }
    }

    private static String liveArrays(Workload w) {
        return w instanceof GanWorkload ? String.valueOf(((GanWorkload) w).trainer().liveArrays()) : "-";
    }

    /**
     * The glibc malloc variables this process runs with (the launcher sets them,
     * docs/measurements/page-faults-malloc.md): without them timings can be 2-4x worse. Read from the environment,
     * so the list of names lives only in the launcher.
     */
    private static String mallocSettings() {
        String set = new java.util.TreeMap<>(System.getenv()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("MALLOC_"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
        return set.isEmpty() ? "default settings (not started through the jar's launcher)" : set;
    }

    /** VmRSS of this process in kB, or -1 where /proc is missing. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            List<String> lines = Files.readAllLines(Paths.get("/proc/loadavg"));
            String[] parts = lines.get(0).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
