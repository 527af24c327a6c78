package ganstudio.cli;

import ganstudio.config.FolderNames;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.ClassificationReport;
import ganstudio.train.ClassifierSession;
import ganstudio.tricks.TrickCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * ablate: trains a classifier preset as it is and with each trick added alone, over several seeds, and writes
 * a Markdown and a CSV table of test accuracy (mean ± sample std over seeds, min-max) and time. The tables are
 * rewritten after every run, so an interrupted ablation keeps what it measured.
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

    /** One row of the table: a variant and its runs. */
    record Variant(String name, String settings, List<Double> top1, List<Double> seconds, List<Double> epochs) {

        double mean(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double std(List<Double> v) {
            if (v.size() < 2) {
                return 0;
            }
            double m = mean(v);
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            return Math.sqrt(ss / (v.size() - 1));
        }
    }

    int run(List<String> args) {
        Options o = Options.parse(args, List.of("--preset", "--tricks", "--seeds", "--budget", "--epochs", "--set",
                "--out", "--device"), List.of());
        if (!o.has("--preset")) {
            throw new UserError("ablate needs --preset NAME|FILE (a classifier preset, e.g. fashion-classifier-baseline)");
        }
        RunConfig base = Cli.configFromOptions(o);
        if (!"classifier".equals(base.getString("task"))) {
            throw new UserError("ablate takes a classifier preset (task = classifier); " + o.get("--preset")
                    + " is a " + base.getString("task") + " preset");
        }
        List<TrickCatalog.Trick> tricks = new ArrayList<>();
        List<String> names = o.has("--tricks") ? List.of(o.get("--tricks").split(",")) : TrickCatalog.DEFAULT;
        for (String n : names) {
            if (!n.isBlank()) {
                tricks.add(TrickCatalog.get(n.trim()));
            }
        }
        int seeds = o.has("--seeds") ? (int) Cli.wholeNumber("--seeds", o.get("--seeds"), 1, MAX_SEEDS) : 1;
        double budgetMinutes = o.has("--budget") ? positiveDouble("--budget", o.get("--budget")) : 0;
        int runs = (tricks.size() + 1) * seeds;
        double perRun = budgetMinutes > 0 ? budgetMinutes * 60 / runs : 0;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = folder(Paths.get(o.has("--out") ? o.get("--out") : "runs"), base.getString("name"), stamp);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create (" + e.getMessage() + "); set --out to a writable folder");
        }
        out.printf(Locale.ROOT, "ablation of %s: baseline + %d tricks x %d seed(s) = %d runs%s%n  writing %s%n",
                base.getString("name"), tricks.size(), seeds, runs,
                perRun > 0 ? String.format(Locale.ROOT, ", at most %.1f min each", perRun / 60) : "", dir);
        List<Variant> table = new ArrayList<>();
        Variant baseline = new Variant("baseline", "", new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        table.add(baseline);
        for (TrickCatalog.Trick t : tricks) {
            table.add(new Variant(t.name(), t.settingsText(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        int done = 0;
        boolean failed = false;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "ablation-budget");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int seed = 1; seed <= seeds; seed++) {
                for (int v = 0; v < table.size(); v++) {
                    Variant variant = table.get(v);
                    RunConfig c = v == 0 ? base : tricks.get(v - 1).applyTo(base);
                    c = c.withValue("seed", (long) seed).withValue("name", variant.name() + "-s" + seed).validate("");
                    ClassifierSession s = ClassifierSession.create(c, dir, o.get("--preset"));
                    long t0 = System.nanoTime();
                    ScheduledFuture<?> stop = perRun > 0
                            ? timer.schedule(() -> s.control().stop(), Math.round(perRun * 1000), TimeUnit.MILLISECONDS)
                            : null;
                    String status = s.runHere();
                    if (stop != null) {
                        stop.cancel(false);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    done++;
                    ClassificationReport test = s.getTestReport();
                    if (test == null) {
                        err.printf("%s seed %d %s: %s%n", variant.name(), seed, status, s.getReason());
                        failed = true;
                        continue;
                    }
                    variant.top1().add(test.top1());
                    variant.seconds().add(seconds);
                    variant.epochs().add(epochsOf(s));
                    out.printf(Locale.ROOT, "[%d/%d] %-16s seed %d  test top-1 %.4f  %.0f s%s%n", done, runs,
                            variant.name(), seed, test.top1(), seconds, "stopped".equals(status) ? " (budget)" : "");
                    write(dir, base, table, seeds);
                }
            }
        } finally {
            timer.shutdownNow();
        }
        out.println("table: " + dir.resolve("ablation.md"));
        return failed ? Cli.FAILED : Cli.OK;
    }

    /**
     * The ablation's folder inside --out, named by the same rule as every run directory ({@link FolderNames}): a
     * name like x/../../y stays one folder inside --out.
     */
    static Path folder(Path out, String name, String stamp) {
        return out.resolve("ablation-" + FolderNames.of(name, "name") + "-" + stamp);
    }

    private static double epochsOf(ClassifierSession s) {
        var summary = ganstudio.runs.RunDirectory.open(s.getRunDir()).readSummary();
        return summary.has("epochs") ? summary.get("epochs").getAsDouble() : Double.NaN;
    }

    static void write(Path dir, RunConfig base, List<Variant> table, int seeds) {
        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("variant,settings,runs,top1_mean,top1_std,top1_min,top1_max,"
                + "delta_vs_baseline,epochs_mean,seconds_mean\n");
        md.append("# Ablation of ").append(base.getString("name")).append("\n\n")
                .append(base.getString("description")).append("\n\n")
                .append(String.format(Locale.ROOT, "Test accuracy on %s, %d seed(s) per row (mean ± sample std, "
                        + "min-max); each trick added alone to the baseline.%n%n", base.getString("data.kind"), seeds))
                .append("| variant | settings | runs | test top-1 | min-max | Δ vs baseline | epochs | s per run |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double baseMean = table.get(0).mean(table.get(0).top1());
        for (Variant v : table) {
            if (v.top1().isEmpty()) {
                continue;
            }
            double mean = v.mean(v.top1());
            double std = v.std(v.top1());
            double min = v.top1().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = v.top1().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double delta = mean - baseMean;
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f%% ± %.2f | %.2f-%.2f | %s | %.1f | %.0f |%n",
                    v.name(), v.settings().isEmpty() ? "(preset)" : "`" + v.settings() + "`", v.top1().size(),
                    100 * mean, 100 * std, 100 * min, 100 * max,
                    v.name().equals("baseline") ? "" : String.format(Locale.ROOT, "%+.2f", 100 * delta),
                    v.mean(v.epochs()), v.mean(v.seconds())));
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f%n", v.name(),
                    v.settings(), v.top1().size(), mean, std, min, max, delta, v.mean(v.epochs()),
                    v.mean(v.seconds())));
        }
        try {
            Files.writeString(dir.resolve("ablation.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("ablation.csv"), csv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write the ablation table (" + e.getMessage() + ")");
        }
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
