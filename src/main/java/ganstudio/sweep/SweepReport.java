package ganstudio.sweep;

import com.google.gson.JsonElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep's result: per variant (everything but the seed), each figure of its done tasks over the seeds, its
 * tasks' states, wall time and stability, with band plots of the logged curves; written as report.md (to read),
 * report.csv (one row per variant, to load elsewhere) and report.json (what the studio's Sweeps tab reads).
 *
 * <p>It reads the sweep's folder as it is, so it can be computed while tasks still run (it is rewritten after
 * each task ends) and anywhere the folder is copied to. Only done tasks count toward the figures; failed and
 * diverged ones are counted and listed with their reasons. A task whose files are damaged never ends the report:
 * a summary.json that does not parse counts the task as failed with the parser's words; a damaged metrics.csv or
 * a missing evaluation leaves the rest of a done task's figures, with a note.
 *
 * <p>When the sweep file has "published" figures (shape: {@link PublishedFigures}), report.md sets the variants
 * beside them, matched on the data set the runs train on.
 */
public final class SweepReport {

    public static final String MARKDOWN = "report.md";
    public static final String CSV = "report.csv";
    public static final String JSON = "report.json";

    private final SweepFolder folder;
    private final OffsetDateTime generated;
    private final List<VariantSummary> variants;
    private final List<Figure> figures;
    private final JsonElement publishedJson;
    private final PublishedFigures published;
    private final List<String> problems;

    private SweepReport(SweepFolder folder, OffsetDateTime generated, List<VariantSummary> variants,
            List<Figure> figures, JsonElement publishedJson, PublishedFigures published, List<String> problems) {
        this.folder = folder;
        this.generated = generated;
        this.variants = List.copyOf(variants);
        this.figures = List.copyOf(figures);
        this.publishedJson = publishedJson;
        this.published = published;
        this.problems = List.copyOf(problems);
    }

    /** Reads every task's folder now; nothing is written. */
    public static SweepReport compute(SweepFolder folder) {
        SweepPlan plan = folder.getPlan();
        List<VariantSummary> variants = new ArrayList<>();
        Set<Figure> used = EnumSet.noneOf(Figure.class);
        for (SweepPlan.Variant v : plan.variants()) {
            List<SweepTask> tasks = plan.tasksOf(v);
            List<TaskOutcome> outcomes = new ArrayList<>();
            for (SweepTask t : tasks) {
                outcomes.add(TaskReader.read(folder, t));
            }
            // a variant has no tasks only in a hand-edited plan; its row then says 0 tasks
            VariantSummary s = tasks.isEmpty()
                    ? new VariantSummary(v, v.label(), "", List.of(), Map.of(), List.of())
                    : VariantSummary.of(v, tasks.get(0).config(), outcomes);
            if (!tasks.isEmpty()) {
                used.addAll(Figure.forConfig(tasks.get(0).config()));
            }
            variants.add(s);
        }
        List<String> problems = new ArrayList<>();
        JsonElement publishedJson = plan.source() == null ? null : plan.source().get("published");
        PublishedFigures published = null;
        if (publishedJson != null && !publishedJson.isJsonNull()) {
            try {
                published = PublishedFigures.parse(publishedJson);
            } catch (IllegalArgumentException e) {
                problems.add("the published figures are left out: " + e.getMessage());
            }
        }
        return new SweepReport(folder, OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), variants,
                new ArrayList<>(used), publishedJson, published, problems);
    }

    /**
     * Writes the plots, report.md, report.csv and report.json into the sweep's folder, each through a temporary
     * file and a rename, report.json last so that the plots it lists exist. Plots that cannot be drawn (a JVM
     * without fonts) are left out with the reason in report.md and the answer's problems; the report is still
     * written.
     *
     * @throws ganstudio.config.UserError naming the file when one cannot be written (a full disk)
     */
    public ReportFiles write() {
        Path dir = folder.getPath();
        List<String> written = new ArrayList<>();
        List<Path> plotPaths = new ArrayList<>();
        List<String> issues = new ArrayList<>(problems);
        for (ReportPlots.Planned p : ReportPlots.plan(getPlan().name(), variants)) {
            byte[] png;
            try {
                png = p.plot().toPng();
            } catch (RuntimeException | InternalError | LinkageError e) {
                // what a JVM without fonts or AWT libraries throws on the first text drawn
                issues.add("plots not drawn: " + e);
                break;
            }
            Path file = dir.resolve(p.fileName());
            AtomicFiles.write(file, png);
            written.add(p.fileName());
            plotPaths.add(file);
        }
        Path md = dir.resolve(MARKDOWN);
        Path csv = dir.resolve(CSV);
        Path json = dir.resolve(JSON);
        AtomicFiles.write(md, ReportMarkdown.of(this, written, issues).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(csv, ReportCsv.of(this).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(json, ReportJson.text(this, written).getBytes(StandardCharsets.UTF_8));
        return new ReportFiles(md, csv, json, plotPaths, issues);
    }

    public SweepFolder getFolder() {
        return folder;
    }

    public SweepPlan getPlan() {
        return folder.getPlan();
    }

    public OffsetDateTime getGenerated() {
        return generated;
    }

    /** One per variant of the plan, in its order. */
    public List<VariantSummary> getVariants() {
        return variants;
    }

    /** Every figure some variant's kind of run yields, in report order: the columns of report.csv. */
    public List<Figure> getFigures() {
        return figures;
    }

    /** The sweep file's "published" element as written, for report.json to pass on. */
    public Optional<JsonElement> getPublishedJson() {
        return Optional.ofNullable(publishedJson);
    }

    public Optional<PublishedFigures> getPublished() {
        return Optional.ofNullable(published);
    }

    /** What the report could not use (published figures of the wrong shape); also listed in report.md. */
    public List<String> getProblems() {
        return problems;
    }
}
