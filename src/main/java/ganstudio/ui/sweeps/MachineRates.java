package ganstudio.ui.sweeps;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SweepFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How fast this machine trained: the finished runs under the runs folder and the tasks of the sweeps under the
 * sweeps folder, each with its preset, its config, how far it trained in how many seconds (its last metrics row)
 * and its whole wall time (summary.json, start-up and final evaluation included). What a new study's time
 * estimate is made from; read off the FX thread.
 */
final class MachineRates {

    /**
     * One finished run.
     *
     * @param progress steps (GAN) or epochs (classifier) at its last logged row
     * @param trainSeconds the training time at that row
     * @param wallSeconds the whole run's time, from summary.json
     */
    record MeasuredRun(Path dir, String preset, RunConfig config, double progress, double trainSeconds,
            double wallSeconds) {

        double secondsPerUnit() {
            return trainSeconds / progress;
        }

        /** Start-up and the final evaluation: the run's time outside its logged training. */
        double fixedSeconds() {
            return Math.max(0, wallSeconds - trainSeconds);
        }
    }

    /** Enough recent runs for a median; an old machine's folder of thousands is not read whole. */
    static final int MAX_RUNS = 200;

    private MachineRates() {}

    static List<MeasuredRun> scan(Path runsRoot, Path sweepsRoot) {
        List<Path> dirs = new ArrayList<>(RunDirectory.list(runsRoot));
        if (Files.isDirectory(sweepsRoot)) {
            try (Stream<Path> sweeps = Files.list(sweepsRoot)) {
                for (Path sweep : sweeps.filter(SweepFolder::isSweep).toList()) {
                    dirs.addAll(RunDirectory.list(sweep.resolve(SweepFolder.TASKS)));
                }
            } catch (IOException e) {
                // an unreadable sweeps folder measures nothing; the runs folder still does
            }
        }
        dirs.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        List<MeasuredRun> out = new ArrayList<>();
        for (Path dir : dirs.subList(0, Math.min(MAX_RUNS, dirs.size()))) {
            measure(dir).ifPresent(out::add);
        }
        return out;
    }

    static Optional<MeasuredRun> measure(Path dir) {
        try {
            RunDirectory run = RunDirectory.open(dir);
            JsonObject summary = run.readSummary();
            if (!summary.has("status") || !"finished".equals(summary.get("status").getAsString())
                    || !summary.has("wallSeconds")) {
                return Optional.empty();
            }
            Optional<MetricsTail.Row> last = MetricsTail.read(dir.resolve(RunDirectory.METRICS));
            if (last.isEmpty() || !(last.get().progress() > 0) || !(last.get().wallSeconds() > 0)) {
                return Optional.empty();
            }
            JsonObject info = run.readRunInfo();
            String preset = info.has("preset") ? info.get("preset").getAsString() : "";
            return Optional.of(new MeasuredRun(dir, preset, run.readConfig(), last.get().progress(),
                    last.get().wallSeconds(), summary.get("wallSeconds").getAsDouble()));
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged or half-written run measures nothing
        }
    }
}
