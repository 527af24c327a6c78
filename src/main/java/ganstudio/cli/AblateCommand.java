package ganstudio.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ganstudio.config.FolderNames;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.sweep.LocalExecutor;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;
import ganstudio.sweep.TaskState;
import ganstudio.tricks.TrickCatalog;
import ganstudio.tricks.Tricks;
import ganstudio.tricks.Trick;
import ganstudio.config.ConfigSchema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ablate: a sweep of a preset as it is ("baseline") and with each trick added alone, over seeds 1..N; GAN and
 * classifier presets alike. Its table is the sweep's report (report.md, .csv, .json and the band plots),
 * rewritten as each run ends, so an interrupted ablation keeps what it measured and `sweep --resume` finishes it.
 */
@Command(name = "ablate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"A sweep of a GAN or classifier preset alone and with each trick added alone, over seeds "
                + "1..N; its report (`sweep report DIR`) is the table. Interrupted, `sweep --resume DIR` finishes it."})
final class AblateCommand implements Callable<Integer> {

    /** More seeds than anyone runs per variant; a typo of a few digits is caught instead of queued. */
    static final int MAX_SEEDS = 1000;

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    PresetOptions preset = new PresetOptions();

    @Option(names = "--tricks", paramLabel = "A,B,...", split = ",", order = 11,
            description = "The tricks to try, each alone (default: every trick listed below that fits the "
                    + "preset).")
    List<String> trickNames;

    @Option(names = "--seeds", paramLabel = "N", order = 12,
            description = "Seeds 1..N per variant (default: 1).")
    Integer seeds;

    @Option(names = "--budget", paramLabel = "MINUTES", order = 13,
            description = "Minutes for the whole ablation, split evenly over its runs (default: no limit).")
    Double budget;

    @Option(names = "--out", paramLabel = "DIR", order = 14, description = "Where its folder goes (default: sweeps).")
    Path outDir = Paths.get("sweeps");

    @Option(names = "--parallel", paramLabel = "N", order = 15,
            description = "Runs at once (default: one per core).")
    Integer parallel;

    /** The command, its help ending with the tricks it can try (from the catalog, so it cannot fall behind). */
    static picocli.CommandLine commandLine(PrintStream out, PrintStream err) {
        picocli.CommandLine cl = new picocli.CommandLine(new AblateCommand(out, err));
        List<String> footer = new ArrayList<>(List.of("", "Tricks for GAN presets: " + String.join(", ",
                TrickCatalog.names("gan")) + ".", "Tricks for classifier presets: " + String.join(", ",
                        TrickCatalog.names("classifier")) + "."));
        footer.addAll(List.of(RootCommand.class.getAnnotation(Command.class).footer()));
        cl.getCommandSpec().usageMessage().footer(footer.toArray(new String[0]));
        return cl;
    }

    AblateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (preset.preset == null) {
            throw new UserError("ablate needs --preset NAME|FILE (e.g. fashion-classifier-baseline or ring8-gan)");
        }
        if (preset.seed != null) {
            throw new UserError("--seed does not apply to ablate: it runs seeds 1..N of every variant; give --seeds N");
        }
        int seedCount = seeds == null ? 1 : (int) Cli.inRange("--seeds", seeds, 1, MAX_SEEDS);
        double budgetMinutes = budget == null ? 0 : positiveMinutes(budget);
        int atOnce = parallel == null ? 0 : (int) Cli.inRange("--parallel", parallel, 1, 1024);
        RunConfig base = preset.config(); // the preset and every option checked before anything runs
        FolderNames.of(base.getString(ConfigSchema.NAME), "name"); // it names the ablation's folder
        String task = base.getString(ConfigSchema.TASK);
        boolean classifier = "classifier".equals(task);
        if ((classifier ? preset.steps : preset.epochs) != null) {
            throw new UserError((classifier ? "--steps" : "--epochs") + " does not apply to a " + task
                    + " preset; give " + (classifier ? "--epochs" : "--steps") + " N");
        }
        boolean named = trickNames != null;
        List<TrickCatalog.Trick> tricks = new ArrayList<>();
        for (String n : named ? trickNames : TrickCatalog.defaults(task)) {
            if (n.isBlank()) {
                continue;
            }
            TrickCatalog.Trick t = TrickCatalog.get(task, n.trim());
            try {
                Tricks.validate(t.applyTo(base), "");
                tricks.add(t);
            } catch (UserError e) {
                if (named) {
                    throw new UserError("trick " + t.name() + " does not fit " + preset.preset + ": "
                            + e.getMessage());
                }
                out.println("  left out " + t.name() + ": " + e.getMessage());
            }
        }
        int runs = (tricks.size() + 1) * seedCount;
        JsonObject spec = spec(base, tricks, seedCount, budgetMinutes > 0 ? budgetMinutes / runs : 0);
        SweepPlan plan = SweepPlan.expand(SweepSpec.parse(spec.toString(), "ablate"), Presets.locate(), spec);
        LocalExecutor exec = LocalExecutor.builder().optParallel(atOnce)
                .optDevice(preset.device == null ? null : Cli.device(preset.device)).build();
        SweepFolder sweep = SweepFolder.create(outDir, plan);
        out.printf(Locale.ROOT, "ablation of %s: baseline + %d trick(s) x %d seed(s) = %d runs%s%n  folder: %s%n"
                + "  %d at once, %d PyTorch thread(s) each%n", base.getString(ConfigSchema.NAME), tricks.size(),
                        seedCount, runs,
                budgetMinutes > 0 ? String.format(Locale.ROOT, ", at most %.1f min each", budgetMinutes / runs) : "",
                sweep.getPath(), exec.getParallel(), exec.getThreadsPerTask());
        try {
            exec.execute(sweep, plan.tasks(), new SweepConsole(sweep, plan.tasks().size(), out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ablation interrupted; `sweep --resume " + sweep.getPath() + "` finishes it");
            return Cli.FAILED;
        }
        SweepReports.write(sweep, out, err);
        Map<TaskState.Kind, Integer> counts = SweepCommand.counts(sweep);
        out.println("  " + SweepCommand.countsText(counts));
        boolean failed = counts.getOrDefault(TaskState.Kind.FAILED, 0) + counts.getOrDefault(TaskState.Kind.DIVERGED,
                0) > 0;
        return failed ? Cli.FAILED : Cli.OK;
    }

    /** The ablation as a sweep file: one variant per trick beside the baseline, the options as common settings. */
    private JsonObject spec(RunConfig base, List<TrickCatalog.Trick> tricks, int seedCount, double taskMinutes) {
        JsonObject spec = new JsonObject();
        spec.addProperty("name", "ablate-" + base.getString(ConfigSchema.NAME));
        spec.addProperty("description", "ablation of " + preset.preset + ": the preset and each trick alone");
        JsonArray presets = new JsonArray();
        presets.add(preset.preset);
        spec.add("presets", presets);
        JsonArray variants = new JsonArray();
        JsonObject baseline = new JsonObject();
        baseline.addProperty("label", "baseline");
        variants.add(baseline);
        for (TrickCatalog.Trick t : tricks) {
            JsonObject v = new JsonObject();
            v.addProperty("label", t.name());
            JsonObject set = new JsonObject();
            t.settings().forEach((k, val) -> set.addProperty(k, String.valueOf(val)));
            v.add("set", set);
            variants.add(v);
        }
        spec.add("variants", variants);
        spec.addProperty("seeds", seedCount);
        JsonObject set = new JsonObject();
        for (String kv : preset.sets) {
            int eq = kv.indexOf('=');
            set.addProperty(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (preset.epochs != null) {
            set.addProperty("cls.epochs", preset.epochs);
        }
        if (preset.steps != null) {
            set.addProperty("steps", preset.steps);
        }
        spec.add("set", set);
        if (taskMinutes > 0) {
            spec.addProperty("taskMinutes", taskMinutes);
        }
        return spec;
    }

    private static double positiveMinutes(double v) {
        if (v > 0 && Double.isFinite(v)) {
            return v;
        }
        throw new UserError("--budget " + v + ": expected a positive number of minutes");
    }
}
