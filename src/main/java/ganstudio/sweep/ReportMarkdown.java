package ganstudio.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** report.md: the report for a person, tables first, then per-seed values, failures, notes, plots, literature. */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String of(SweepReport r, List<String> plots, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        SweepPlan plan = r.getPlan();
        sb.append("# Sweep report: ").append(plan.name()).append("\n\n");
        if (!plan.description().isEmpty()) {
            sb.append(plan.description()).append("\n\n");
        }
        sb.append("Generated ").append(r.getGenerated()).append(". ").append(totals(r));
        if (!plan.keys().isEmpty()) {
            sb.append(" What varies: ").append(String.join(", ", plan.keys())).append('.');
        }
        sb.append(" Each figure is over the done tasks of a variant: mean ± sample standard deviation (lowest-highest "
                + "seed); failed and diverged tasks are counted, not averaged.\n\n");

        List<Figure> evaluation = of(r, Figure.Source.EVALUATION);
        List<Figure> stability = of(r, Figure.Source.STABILITY);
        sb.append("## Final evaluation\n\n");
        table(sb, r, evaluation, true);
        sb.append(direction(evaluation));
        if (!stability.isEmpty()) {
            sb.append("## Stability over the run\n\n");
            table(sb, r, stability, false);
            sb.append("Step all modes first captured: the first saved frame (every log.frameEvery steps, scored on "
                    + "the log.noiseBank points) with every mode captured. Critic gap: the Wasserstein estimate "
                    + "(w_estimate) for the WGAN objectives, the critic's mean output on real minus on generated "
                    + "samples (d_real - d_fake) for the others, over the last tenth of metrics.csv's rows; its "
                    + "spread shows whether the game settled. ").append(direction(stability));
        }
        perSeed(sb, r);
        failures(sb, r);
        notes(sb, r, problems);
        if (!plots.isEmpty()) {
            sb.append("## Plots\n\nEach variant's mean over its done seeds against generator iteration, shaded from "
                    + "the lowest to the highest seed.\n\n");
            for (String p : plots) {
                sb.append("![").append(p).append("](").append(p).append(")\n\n");
            }
        }
        r.getPublished().ifPresent(p -> published(sb, r, p));
        return sb.toString();
    }

    private static List<Figure> of(SweepReport r, Figure.Source source) {
        return r.getFigures().stream().filter(f -> f.source() == source).toList();
    }

    private static String totals(SweepReport r) {
        int tasks = 0;
        int done = 0;
        int failed = 0;
        int diverged = 0;
        int running = 0;
        int queued = 0;
        int stopped = 0;
        for (VariantSummary v : r.getVariants()) {
            tasks += v.tasks().size();
            done += v.done();
            failed += v.failed();
            diverged += v.diverged();
            running += v.running();
            queued += v.queued();
            stopped += v.stopped();
        }
        StringBuilder s = new StringBuilder(tasks + " tasks: " + done + " done, " + failed + " failed, " + diverged
                + " diverged");
        if (running > 0) {
            s.append(", ").append(running).append(" running");
        }
        if (queued > 0) {
            s.append(", ").append(queued).append(" queued");
        }
        if (stopped > 0) {
            s.append(", ").append(stopped).append(" stopped or killed");
        }
        return s.append('.').toString();
    }

    private static void table(StringBuilder sb, SweepReport r, List<Figure> figures, boolean withTasks) {
        List<String> header = new ArrayList<>(List.of("variant"));
        if (withTasks) {
            header.add("tasks done / failed / diverged");
        }
        figures.forEach(f -> header.add(f.label()));
        if (withTasks) {
            header.add("mean wall time");
        }
        row(sb, header);
        sb.append('|').append(" --- |".repeat(header.size())).append('\n');
        for (VariantSummary v : r.getVariants()) {
            List<String> cells = new ArrayList<>();
            cells.add(ReportFormat.cell(v.label()));
            if (withTasks) {
                cells.add(taskCounts(v));
            }
            for (Figure f : figures) {
                cells.add(summaryCell(v, f));
            }
            if (withTasks) {
                cells.add(ReportFormat.duration(v.wallSeconds()));
            }
            row(sb, cells);
        }
        sb.append('\n');
    }

    private static String taskCounts(VariantSummary v) {
        String s = v.done() + " / " + v.failed() + " / " + v.diverged();
        List<String> more = new ArrayList<>();
        if (v.running() > 0) {
            more.add(v.running() + " running");
        }
        if (v.queued() > 0) {
            more.add(v.queued() + " queued");
        }
        if (v.stopped() > 0) {
            more.add(v.stopped() + " stopped");
        }
        return more.isEmpty() ? s : s + " (" + String.join(", ", more) + ")";
    }

    /** "7.8 ± 0.4 (7-8)", with the seeds that never had every mode for that figure. */
    private static String summaryCell(VariantSummary v, Figure f) {
        FigureStats s = v.figures().get(f);
        String never = f == Figure.ALL_MODES_STEP && !v.neverAllModes().isEmpty()
                ? "never on seed" + (v.neverAllModes().size() == 1 ? " " : "s ") + ReportFormat.seeds(v.neverAllModes())
                : "";
        if (s == null || s.n() == 0) {
            return never.isEmpty() ? "—" : never;
        }
        String text = f.format(s.mean()) + " ± " + f.format(s.std()) + " (" + f.format(s.min()) + "-"
                + f.format(s.max()) + ")";
        return never.isEmpty() ? text : text + "; " + never;
    }

    private static String direction(List<Figure> figures) {
        String higher = figures.stream().filter(Figure::higherIsBetter).map(Figure::label)
                .collect(Collectors.joining(", "));
        String lower = figures.stream().filter(f -> !f.higherIsBetter()).map(Figure::label)
                .collect(Collectors.joining(", "));
        List<String> parts = new ArrayList<>();
        if (!higher.isEmpty()) {
            parts.add("higher is better: " + higher);
        }
        if (!lower.isEmpty()) {
            parts.add("lower is better: " + lower);
        }
        return parts.isEmpty() ? "\n" : "(" + String.join("; ", parts) + ")\n\n";
    }

    private static void perSeed(StringBuilder sb, SweepReport r) {
        List<TaskOutcome> done = r.getVariants().stream().flatMap(v -> v.doneTasks().stream()).toList();
        if (done.isEmpty()) {
            return;
        }
        sb.append("## Per seed\n\n");
        List<String> header = new ArrayList<>(List.of("task", "variant", "seed"));
        r.getFigures().forEach(f -> header.add(f.label()));
        header.add("wall time");
        row(sb, header);
        sb.append('|').append(" --- |".repeat(header.size())).append('\n');
        for (VariantSummary v : r.getVariants()) {
            for (TaskOutcome o : v.doneTasks()) {
                List<String> cells = new ArrayList<>(List.of(String.valueOf(o.task().index()),
                        ReportFormat.cell(v.label()), String.valueOf(o.task().seed())));
                for (Figure f : r.getFigures()) {
                    Double x = o.values().get(f);
                    cells.add(x != null ? f.format(x)
                            : f == Figure.ALL_MODES_STEP && o.neverAllModes() ? "never" : "—");
                }
                cells.add(ReportFormat.duration(o.wallSeconds()));
                row(sb, cells);
            }
        }
        sb.append('\n');
    }

    private static void failures(StringBuilder sb, SweepReport r) {
        List<String[]> rows = new ArrayList<>();
        for (VariantSummary v : r.getVariants()) {
            for (TaskOutcome o : v.failures()) {
                rows.add(new String[] {String.valueOf(o.task().index()), ReportFormat.cell(v.label()),
                    String.valueOf(o.task().seed()), o.kind().toString(),
                    ReportFormat.cell(o.reason().isEmpty() ? "(no reason recorded)" : o.reason())});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        sb.append("## Failed and diverged tasks\n\n");
        row(sb, List.of("task", "variant", "seed", "state", "reason"));
        sb.append("| --- | --- | --- | --- | --- |\n");
        rows.forEach(cells -> row(sb, List.of(cells)));
        sb.append('\n');
    }

    private static void notes(StringBuilder sb, SweepReport r, List<String> problems) {
        List<String> lines = new ArrayList<>(problems);
        for (VariantSummary v : r.getVariants()) {
            for (TaskOutcome o : v.tasks()) {
                for (String n : o.notes()) {
                    lines.add("task " + o.task().index() + " (" + v.label() + ", seed " + o.task().seed() + "): " + n);
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        sb.append("## Notes\n\n");
        lines.forEach(l -> sb.append("- ").append(l.replace("\n", " ")).append('\n'));
        sb.append('\n');
    }

    private static void published(StringBuilder sb, SweepReport r, PublishedFigures p) {
        sb.append("## Beside the published figures\n\n");
        if (!p.protocol().isEmpty()) {
            sb.append("Published protocol: ").append(p.protocol()).append(".\n\n");
        }
        for (String data : p.dataSets()) {
            List<PublishedFigures.Result> results = p.resultsFor(data);
            List<Figure> figures = new ArrayList<>();
            for (Figure f : Figure.values()) {
                if (results.stream().anyMatch(x -> x.values().containsKey(f))) {
                    figures.add(f);
                }
            }
            sb.append("### ").append(data).append("\n\n");
            List<String> header = new ArrayList<>(List.of("method"));
            figures.forEach(f -> header.add(f.label()));
            header.add("source");
            row(sb, header);
            sb.append('|').append(" --- |".repeat(header.size())).append('\n');
            List<VariantSummary> ours = r.getVariants().stream().filter(v -> v.data().equals(data)).toList();
            for (VariantSummary v : ours) {
                List<String> cells = new ArrayList<>(List.of(ReportFormat.cell(v.label())));
                for (Figure f : figures) {
                    FigureStats s = v.figures().get(f);
                    cells.add(s == null || s.n() == 0 ? "—" : f.format(s.mean()) + " ± " + f.format(s.std()));
                }
                FigureStats any = figures.isEmpty() ? null : v.figures().get(figures.get(0));
                int n = any == null ? 0 : any.n();
                cells.add("this sweep, " + n + (n == 1 ? " seed" : " seeds"));
                row(sb, cells);
            }
            for (PublishedFigures.Result x : results) {
                List<String> cells = new ArrayList<>(List.of(ReportFormat.cell(x.method())));
                for (Figure f : figures) {
                    Double value = x.values().get(f);
                    Double std = x.stds().get(f);
                    cells.add(value == null ? "—" : std == null ? f.format(value)
                            : f.format(value) + " ± " + f.format(std));
                }
                cells.add(ReportFormat.cell(p.citation(x)));
                row(sb, cells);
            }
            sb.append('\n');
            if (ours.isEmpty()) {
                sb.append("No variant of this sweep trains on ").append(data).append(".\n\n");
            }
        }
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
