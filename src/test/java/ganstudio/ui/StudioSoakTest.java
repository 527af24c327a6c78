package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;

import ganstudio.runs.RunDirectory;
import ganstudio.Main;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's soak of the studio itself: a long ring8-gan run in the real window under Xvfb, recording the view,
 * started as a person starts it ({@code ganstudio.Main studio --demo ring8-gan --steps N --record view
 * --stall-report FILE --after end}), in a JVM of its own whose resident memory (VmRSS) this test reads every two
 * seconds beside the run's newest metrics row. After the warm-up (20% of the steps) to the last sample while it
 * still trains, resident memory grows under 5%, and the window's stall report shows no pulse gap over 500 ms after
 * its start-up. N is 10,000 unless -Dganstudio.soak.steps says otherwise (measured: about 3 minutes on the 2-core
 * development machine). Prints the figures the README quotes.
 *
 * <p>The JVM pre-touches its initial heap (-XX:+AlwaysPreTouch): otherwise the heap's committed pages become
 * resident one garbage collection at a time, a growth of 3-6% over the run that is the same 280 MB of heap
 * being used, not memory being kept (native memory tracking showed the committed heap flat the whole run).
 *
 * <p>A pulse gap on a machine loaded by other processes is mostly time waiting for a core (a 757 ms gap at load
 * 13 held 14 ms of FX work): when the studio's own load line says the 1-minute load average passed
 * {@link #LOAD_PER_CORE} per core, the 500 ms bound is checked on the FX thread's CPU time within each gap instead,
 * and the test says so.
 */
class StudioSoakTest {

    static final int STEPS = Integer.getInteger("ganstudio.soak.steps", 10_000);
    static final double MAX_GROWTH = 0.05;
    static final double MAX_STALL_MILLIS = 500;
    static final double LOAD_PER_CORE = 2.5;
    /** The studio's heap, fixed and resident from the start (see the class comment). */
    static final String HEAP = "1g";
    private static final long FORK_SECONDS = 900;
    private static final Pattern STEADY = Pattern.compile("After the first \\d+ s \\(.*\\)\\R"
            + "FX thread: longest stall ([0-9.]+) ms");
    private static final Pattern STALL = Pattern.compile("stall ([0-9.]+) ms ending at [0-9.]+ s: FX thread on a CPU "
            + "([0-9.]+) ms");
    private static final Pattern LOAD = Pattern.compile("max ([0-9.]+), on (\\d+) cores");

    /** One look at the studio: when, at which logged step, and its resident memory in kB. */
    record Sample(double seconds, long step, long rssKb) {}

    @Test
    void aLongRecordedRing8RunKeepsMemoryFlatAndTheWindowResponsive(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        Path stalls = Paths.get("target", "soak-stalls.txt");
        Path log = Paths.get("target", "studio-soak-test.log");
        Path gcLog = Paths.get("target", "soak-gc.log").toAbsolutePath();
        Files.deleteIfExists(stalls);
        Files.deleteIfExists(gcLog);
        List<Sample> samples = new ArrayList<>();
        long began = System.nanoTime();
        try (XvfbDisplay display = XvfbDisplay.start(ForkedJvm.xvfbOrSkip(), Paths.get("target", "xvfb-soak.log"))) {
            Process p = ForkedJvm.start(display.name(), List.of("-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch",
                    "-Xlog:gc:file=" + gcLog), "ganstudio.Main",
                    List.of("studio", "--out", runs.toString(), "--demo", "ring8-gan", "--steps",
                            String.valueOf(STEPS), "--set", "threads=1", "--record", "view", "--stall-report",
                            stalls.toString(), "--after", "end"), log);
            Path status = Paths.get("/proc", String.valueOf(p.pid()), "status");
            while (p.isAlive()) {
                if ((System.nanoTime() - began) / 1e9 > FORK_SECONDS) {
                    p.destroyForcibly().waitFor();
                    fail("the soak took over " + FORK_SECONDS + " s:\n" + ForkedJvm.tail(log, 40) + "\n" + samples);
                }
                long rss = rssKb(status);
                if (rss > 0) {
                    samples.add(new Sample((System.nanoTime() - began) / 1e9, lastStep(runs), rss));
                }
                Thread.sleep(2000); // a sampling period: what is measured is the studio's memory over time
            }
            assertEquals(0, p.exitValue(), "the studio failed:\n" + ForkedJvm.tail(log, 40));
        }
        double wall = (System.nanoTime() - began) / 1e9;
        Path run = onlyRun(runs);
        JsonObject summary = RunDirectory.open(run).readSummary();
        assertEquals("finished", summary.get("status").getAsString(), summary.toString());
        assertEquals(STEPS, summary.get("steps").getAsLong());
        assertTrue(Files.size(run.resolve("video.mp4")) > 10_000, "the view was recorded into " + run);

        long warmStep = STEPS / 5;
        Sample warm = samples.stream().filter(s -> s.step() >= warmStep).findFirst()
                .orElseThrow(() -> new AssertionError("no sample after step " + warmStep + ": " + samples));
        Sample end = samples.stream().filter(s -> s.step() >= warmStep && s.step() < STEPS)
                .reduce((a, b) -> b).orElseThrow();
        Sample peak = samples.stream().filter(s -> s.step() >= warmStep && s.step() < STEPS)
                .max((a, b) -> Long.compare(a.rssKb(), b.rssKb())).orElseThrow();
        double growth = (double) (end.rssKb() - warm.rssKb()) / warm.rssKb();

        String report = Files.readString(stalls, StandardCharsets.UTF_8);
        Matcher steady = STEADY.matcher(report);
        assertTrue(steady.find(), "the stall report's figures after start-up:\n" + report);
        double longest = Double.parseDouble(steady.group(1));
        String after = report.substring(steady.start());
        double maxFxCpu = 0;
        for (Matcher m = STALL.matcher(after); m.find(); ) {
            maxFxCpu = Math.max(maxFxCpu, Double.parseDouble(m.group(2)));
        }
        Matcher load = LOAD.matcher(report);
        double maxLoad = load.find() ? Double.parseDouble(load.group(1)) : Double.NaN;
        int cores = load.find(0) ? Integer.parseInt(load.group(2)) : Runtime.getRuntime().availableProcessors();
        boolean loaded = maxLoad > LOAD_PER_CORE * cores;

        long heapWarm = heapAfterGc(gcLog, warm.seconds(), warm.seconds() + 30);
        long heapEnd = heapAfterGc(gcLog, end.seconds() - 30, end.seconds());
        System.out.printf(Locale.ROOT, "Java heap after collections (the lowest in 30 s): %d MB after the warm-up, %d MB"
                + " at the end (-Xlog:gc in %s)%n", heapWarm, heapEnd, gcLog);
        System.out.printf(Locale.ROOT, "studio soak, ring8-gan %,d steps recorded: %.0f s wall; RSS %,d kB at step %d"
                + " (%.0f s), %,d kB at step %d (%.0f s), %+.2f%% (peak %,d kB); longest stall after start-up %.1f ms"
                + " (FX thread on a CPU at most %.1f ms in one of the longest); load max %.1f on %d cores%n", STEPS,
                wall, warm.rssKb(), warm.step(), warm.seconds(), end.rssKb(), end.step(), end.seconds(), growth * 100,
                peak.rssKb(), longest, maxFxCpu, maxLoad, cores);
        assertTrue(end.step() >= STEPS * 0.9, "a sample near the end of training: " + end);
        assertTrue(growth < MAX_GROWTH, String.format(Locale.ROOT, "resident memory grew %.2f%% from step %d to %d: %s",
                growth * 100, warm.step(), end.step(), samples));
        if (loaded) {
            System.out.printf(Locale.ROOT, "the machine was loaded to %.1f on %d cores by other processes: the %.0f ms"
                    + " bound is checked on the FX thread's own time in each long gap%n", maxLoad, cores,
                    MAX_STALL_MILLIS);
            assertTrue(maxFxCpu < MAX_STALL_MILLIS, "the FX thread ran " + maxFxCpu + " ms in one gap:\n" + report);
        } else {
            assertTrue(longest < MAX_STALL_MILLIS, "a stall of " + longest + " ms after start-up:\n" + report);
        }
    }

    private static final Pattern GC = Pattern.compile("^\\[([0-9.]+)s\\].* (\\d+)M->(\\d+)M\\(\\d+M\\)");

    /** The lowest heap occupancy after a collection in [from, to] seconds of the studio's uptime; -1 if none. */
    private static long heapAfterGc(Path gcLog, double from, double to) throws IOException {
        long lowest = -1;
        if (!Files.exists(gcLog)) {
            return lowest;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                double t = Double.parseDouble(m.group(1));
                long after = Long.parseLong(m.group(3));
                if (t >= from && t <= to && (lowest < 0 || after < lowest)) {
                    lowest = after;
                }
            }
        }
        return lowest;
    }

    private static long rssKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two looks
        }
        return -1;
    }

    /** The step of the newest row of the run's metrics.csv, or -1 before there is one. */
    private static long lastStep(Path runs) {
        try {
            Optional<Path> run = runs(runs).stream().findFirst();
            if (run.isEmpty()) {
                return -1;
            }
            try (RandomAccessFile f = new RandomAccessFile(run.get().resolve(RunDirectory.METRICS).toFile(), "r")) {
                long length = f.length();
                int tail = (int) Math.min(length, 4096);
                byte[] bytes = new byte[tail];
                f.seek(length - tail);
                f.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                String[] lines = text.split("\n");
                // The newest line may be half written: only whole lines count.
                for (int i = lines.length - (text.endsWith("\n") ? 1 : 2); i >= 1; i--) {
                    String first = lines[i].split(",", 2)[0];
                    if (first.matches("\\d+")) {
                        return Long.parseLong(first);
                    }
                }
            }
        } catch (IOException e) {
            // not written yet
        }
        return -1;
    }

    private static List<Path> runs(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    private static Path onlyRun(Path runs) throws IOException {
        List<Path> all = runs(runs);
        assertEquals(1, all.size(), "one run in " + runs + ": " + all);
        return all.get(0);
    }
}
