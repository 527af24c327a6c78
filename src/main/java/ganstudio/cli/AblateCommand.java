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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ablate: a sweep of a preset as it is ("baseline") and with each trick added alone, over seeds 1..N; GAN and
 * classifier presets alike. Its table is the sweep's report (report.md, .csv, .json and the band plots),
 * rewritten as each run ends, so an interrupted ablation keeps what it measured and `sweep --resume` finishes it.
 */
final class AblateCommand {

    /** More seeds than anyone runs per variant; a typo of a few digits is caught instead of queued. */
    static final int MAX_SEEDS = 1000;

    private final PrintStream out;
    private final PrintStream err;

    AblateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, List.of("--preset", "--tricks", "--seeds", "--budget", "--epochs", "--steps",
                "--set", "--out", "--device", "--parallel"), List.of());
        if (!o.has("--preset")) {
            throw new UserError("ablate needs --preset NAME|FILE (e.g. fashion-classifier-baseline or ring8-gan)");
        }
        RunConfig base = Cli.configFromOptions(o); // the preset and every option checked before anything runs
        FolderNames.of(base.getString(ConfigSchema.NAME), "name"); // it names the ablation's folder
        String task = base.getString(ConfigSchema.TASK);
        String lengthFlag = "classifier".equals(task) ? "--epochs" : "--steps";
        String otherFlag = "classifier".equals(task) ? "--steps" : "--epochs";
        if (o.has(otherFlag)) {
            throw new UserError(otherFlag + " does not apply to a " + task + " preset; give " + lengthFlag + " N");
        }
        boolean named = o.has("--tricks");
        List<TrickCatalog.Trick> tricks = new ArrayList<>();
        for (String n : named ? List.of(o.get("--tricks").split(",")) : TrickCatalog.defaults(task)) {
            if (n.isBlank()) {
                continue;
            }
            TrickCatalog.Trick t = TrickCatalog.get(task, n.trim());
            try {
                Tricks.validate(t.applyTo(base), "");
                tricks.add(t);
            } catch (UserError e) {
                if (named) {
                    throw new UserError("trick " + t.name() + " does not fit " + o.get("--preset") + ": "
                            + e.getMessage());
                }
                out.println("  left out " + t.name() + ": " + e.getMessage());
            }
        }
        int seeds = o.has("--seeds") ? (int) Cli.wholeNumber("--seeds", o.get("--seeds"), 1, MAX_SEEDS) : 1;
        double budgetMinutes = o.has("--budget") ? positiveDouble("--budget", o.get("--budget")) : 0;
        int runs = (tricks.size() + 1) * seeds;
        JsonObject spec = spec(o, base, tricks, seeds, budgetMinutes > 0 ? budgetMinutes / runs : 0);
        SweepPlan plan = SweepPlan.expand(SweepSpec.parse(spec.toString(), "ablate"), Presets.locate(), spec);
        int parallel = o.has("--parallel") ? (int) Cli.wholeNumber("--parallel", o.get("--parallel"), 1, 1024) : 0;
        LocalExecutor exec = LocalExecutor.builder().optParallel(parallel)
                .optDevice(o.has("--device") ? Cli.device(o.get("--device")) : null).build();
        SweepFolder sweep = SweepFolder.create(Paths.get(o.has("--out") ? o.get("--out") : "sweeps"), plan);
        out.printf(Locale.ROOT, "ablation of %s: baseline + %d trick(s) x %d seed(s) = %d runs%s%n  folder: %s%n"
                + "  %d at once, %d PyTorch thread(s) each%n", base.getString(ConfigSchema.NAME), tricks.size(),
                        seeds, runs,
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
    private static JsonObject spec(Options o, RunConfig base, List<TrickCatalog.Trick> tricks, int seeds,
            double taskMinutes) {
        JsonObject spec = new JsonObject();
        spec.addProperty("name", "ablate-" + base.getString(ConfigSchema.NAME));
        spec.addProperty("description", "ablation of " + o.get("--preset") + ": the preset and each trick alone");
        JsonArray presets = new JsonArray();
        presets.add(o.get("--preset"));
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
        spec.addProperty("seeds", seeds);
        JsonObject set = new JsonObject();
        for (String kv : o.all("--set")) {
            int eq = kv.indexOf('=');
            set.addProperty(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (o.has("--epochs")) {
            set.addProperty("cls.epochs", o.get("--epochs"));
        }
        if (o.has("--steps")) {
            set.addProperty("steps", o.get("--steps"));
        }
        spec.add("set", set);
        if (taskMinutes > 0) {
            spec.addProperty("taskMinutes", taskMinutes);
        }
        return spec;
    }

    private static double positiveDouble(String flag, String text) {
        try {
            double v = Double.parseDouble(text);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserError(flag + " " + text + ": expected a positive number of minutes");
    }
}
