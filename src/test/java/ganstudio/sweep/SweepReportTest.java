package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sweep of ring8-gan and ring8-wgan over seeds 1-4, its task folders written by hand with known numbers.
 * ring8-gan: tasks 0-2 done (modes 6, 7, 8; high quality 50, 75, 100 %; KL 0.25, 0.5, 0; wall 100, 200, 300 s;
 * all modes first at 200, 100, never; critic gap over the last rows 1,2,3 / 2,4,6 / 0,0,0), task 3 running.
 * ring8-wgan: task 4 done, task 5 diverged, task 6 with a damaged summary.json, task 7 queued.
 */
class SweepReportTest {

    static final String SPEC = """
            {"name": "fake", "description": "two presets", "presets": ["ring8-gan", "ring8-wgan"], "seeds": 4,
             "set": {"steps": 300},
             "published": {"protocol": "2,500 samples, 3 sigma",
               "sources": {"pacgan": "Lin et al., PacGAN, NeurIPS 2018, Table 1"},
               "results": [{"method": "GAN", "source": "pacgan", "data": "ring8", "modes": 6.3, "highQuality": 98.2},
                           {"method": "GAN", "source": "pacgan", "data": "grid25", "modes": 17.3,
                            "modesStd": 0.8, "highQuality": 94.8}]}}
            """;

    @TempDir
    Path tmp;

    private SweepFolder sweep;
    private RunDirectory running;

    @BeforeEach
    void writeSweep() throws IOException {
        sweep = FakeSweep.create(tmp, SPEC);
        Path t0 = FakeSweep.run(sweep, 0);
        FakeSweep.finished(t0, 100, 6, 0.5, 0.25);
        FakeSweep.metrics(t0, false, 1, 2, 3);
        FakeSweep.modes(t0, 0, 4, 8, 8);
        Path t1 = FakeSweep.run(sweep, 1);
        FakeSweep.finished(t1, 200, 7, 0.75, 0.5);
        FakeSweep.metrics(t1, false, 2, 4, 6);
        FakeSweep.modes(t1, 0, 8, 7, 8);
        Path t2 = FakeSweep.run(sweep, 2);
        FakeSweep.finished(t2, 300, 8, 1.0, 0.0);
        FakeSweep.metrics(t2, false, 0, 0, 0);
        FakeSweep.modes(t2, 0, 5, 7, 7);
        SweepTask t3 = sweep.getPlan().task(3);
        running = RunDirectory.createAt(sweep.taskDir(t3), t3.config(), new JsonObject());

        Path t4 = FakeSweep.run(sweep, 4);
        FakeSweep.finished(t4, 50, 8, 0.25, 0.125);
        FakeSweep.metrics(t4, true, 0.5, 0.5, 0.5);
        FakeSweep.modes(t4, 0, 8);
        Path t5 = FakeSweep.run(sweep, 5);
        FakeSweep.summary(t5, "{\"status\": \"failed\", \"reason\": \"the critic loss became NaN at step 40 "
                + "(critic iteration 200); lower the learning rates\", \"steps\": 40, \"wallSeconds\": 9}");
        Path t6 = FakeSweep.run(sweep, 6);
        FakeSweep.summary(t6, "{\"status\": \"finished\", \"eval\": {\"modesCap");
    }

    @AfterEach
    void stopRunning() {
        running.close();
    }

    @Test
    void figuresOverTheDoneSeeds() {
        SweepReport r = SweepReport.compute(sweep);
        assertEquals(List.of(Figure.MODES, Figure.HIGH_QUALITY, Figure.KL, Figure.ALL_MODES_STEP, Figure.GAP_STD,
                Figure.GAP_RANGE), r.getFigures());
        VariantSummary gan = r.getVariants().get(0);
        assertEquals("ring8-gan", gan.label());
        assertEquals("ring8", gan.data());
        FigureStats modes = gan.figures().get(Figure.MODES);
        assertEquals(List.of(6.0, 7.0, 8.0), modes.values());
        assertEquals(List.of(1L, 2L, 3L), modes.seeds());
        assertEquals(7.0, modes.mean());
        assertEquals(1.0, modes.std());
        assertEquals(6.0, modes.min());
        assertEquals(8.0, modes.max());
        assertEquals(3, modes.n());
        FigureStats hq = gan.figures().get(Figure.HIGH_QUALITY);
        assertEquals(75.0, hq.mean());
        assertEquals(25.0, hq.std());
        FigureStats kl = gan.figures().get(Figure.KL);
        assertEquals(0.25, kl.mean());
        assertEquals(0.25, kl.std());
        assertEquals(200.0, gan.wallSeconds());
        assertEquals(3, gan.done());
        assertEquals(1, gan.running());
        assertEquals(0, gan.queued());
    }

    @Test
    void stabilityFromTheLogs() {
        VariantSummary gan = SweepReport.compute(sweep).getVariants().get(0);
        FigureStats first = gan.figures().get(Figure.ALL_MODES_STEP);
        assertEquals(List.of(200.0, 100.0), first.values());
        assertEquals(List.of(1L, 2L), first.seeds());
        assertEquals(150.0, first.mean());
        assertEquals(Math.sqrt(5000), first.std());
        assertEquals(List.of(3L), gan.neverAllModes());
        // d_real - d_fake over the last 3 of 30 rows: (1,2,3), (2,4,6), (0,0,0)
        FigureStats std = gan.figures().get(Figure.GAP_STD);
        assertEquals(List.of(1.0, 2.0, 0.0), std.values());
        assertEquals(1.0, std.mean());
        assertEquals(1.0, std.std());
        FigureStats range = gan.figures().get(Figure.GAP_RANGE);
        assertEquals(List.of(2.0, 4.0, 0.0), range.values());
        assertEquals(2.0, range.mean());
        assertEquals(2.0, range.std());
        VariantSummary wgan = SweepReport.compute(sweep).getVariants().get(1);
        assertEquals(List.of(0.0), wgan.figures().get(Figure.GAP_STD).values());
        assertEquals(List.of(100.0), wgan.figures().get(Figure.ALL_MODES_STEP).values());
    }

    @Test
    void damagedAndDivergedTasksAreCountedAndListed() {
        VariantSummary wgan = SweepReport.compute(sweep).getVariants().get(1);
        assertEquals(4, wgan.tasks().size());
        assertEquals(1, wgan.done());
        assertEquals(1, wgan.failed());
        assertEquals(1, wgan.diverged());
        assertEquals(1, wgan.queued());
        FigureStats modes = wgan.figures().get(Figure.MODES);
        assertEquals(List.of(8.0), modes.values());
        assertEquals(0.0, modes.std());
        List<TaskOutcome> failures = wgan.failures();
        assertEquals(2, failures.size());
        assertEquals(5, failures.get(0).task().index());
        assertEquals(TaskState.Kind.DIVERGED, failures.get(0).kind());
        assertTrue(failures.get(0).reason().startsWith("the critic loss became NaN at step 40"));
        assertEquals(6, failures.get(1).task().index());
        assertEquals(TaskState.Kind.FAILED, failures.get(1).kind());
        assertTrue(failures.get(1).reason().startsWith("summary.json is damaged: "), failures.get(1).reason());
        assertTrue(failures.get(1).reason().contains("not valid JSON"), failures.get(1).reason());
    }

    @Test
    void csvRowsHoldThePlainNumbers() throws IOException {
        ReportFiles files = SweepReport.compute(sweep).write();
        List<String> lines = Files.readAllLines(files.csv(), StandardCharsets.UTF_8);
        assertEquals("variant,label,modes_mean,modes_std,modes_min,modes_max,modes_n,highQuality_mean,highQuality_std,"
                + "highQuality_min,highQuality_max,highQuality_n,kl_mean,kl_std,kl_min,kl_max,kl_n,allModesStep_mean,"
                + "allModesStep_std,allModesStep_min,allModesStep_max,allModesStep_n,allModesStep_never,gapStd_mean,"
                + "gapStd_std,gapStd_min,gapStd_max,gapStd_n,gapRange_mean,gapRange_std,gapRange_min,gapRange_max,"
                + "gapRange_n,done,failed,diverged,wall_s_mean", lines.get(0));
        assertEquals("0,ring8-gan,7,1,6,8,3,75,25,50,100,3,0.25,0.25,0,0.5,3,150,70.71067811865476,100,200,2,1,"
                + "1,1,0,2,3,2,2,0,4,3,3,0,0,200", lines.get(1));
        assertEquals("1,ring8-wgan,8,0,8,8,1,25,0,25,25,1,0.125,0,0.125,0.125,1,100,0,100,100,1,0,0,0,0,0,1,"
                + "0,0,0,0,1,1,1,1,50", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void jsonHasTheShapeTheStudioReads() throws IOException {
        ReportFiles files = SweepReport.compute(sweep).write();
        JsonObject o = JsonParser.parseString(Files.readString(files.json())).getAsJsonObject();
        assertEquals("fake", o.get("sweep").getAsString());
        OffsetDateTime.parse(o.get("generated").getAsString());
        assertEquals("[\"preset\"]", o.get("keys").toString());
        JsonObject first = o.getAsJsonArray("figures").get(0).getAsJsonObject();
        assertEquals("{\"key\":\"modes\",\"label\":\"modes captured\",\"higherIsBetter\":true}", first.toString());
        JsonArray variants = o.getAsJsonArray("variants");
        assertEquals(2, variants.size());
        JsonObject gan = variants.get(0).getAsJsonObject();
        assertEquals(0, gan.get("index").getAsInt());
        assertEquals("ring8-gan", gan.get("label").getAsString());
        assertEquals("ring8-gan", gan.get("preset").getAsString());
        assertEquals("{}", gan.get("settings").toString());
        assertEquals(4, gan.get("tasks").getAsInt());
        assertEquals(3, gan.get("done").getAsInt());
        assertEquals(1, gan.get("running").getAsInt());
        assertEquals(200, gan.get("wallSeconds").getAsDouble());
        assertEquals("{\"mean\":7,\"std\":1,\"min\":6,\"max\":8,\"n\":3,\"values\":[6,7,8],\"seeds\":[1,2,3]}",
                gan.getAsJsonObject("figures").get("modes").toString());
        assertEquals("[3]", gan.getAsJsonObject("figures").getAsJsonObject("allModesStep").get("never").toString());
        JsonObject wgan = variants.get(1).getAsJsonObject();
        JsonArray failures = wgan.getAsJsonArray("failures");
        assertEquals(2, failures.size());
        JsonObject diverged = failures.get(0).getAsJsonObject();
        assertEquals(5, diverged.get("task").getAsInt());
        assertEquals(2, diverged.get("seed").getAsInt());
        assertEquals("diverged", diverged.get("state").getAsString());
        assertEquals("failed", failures.get(1).getAsJsonObject().get("state").getAsString());
        assertEquals(1, wgan.get("queued").getAsInt());
        assertEquals(
                "[\"plot-wasserstein.png\",\"plot-critic-loss.png\",\"plot-modes.png\"]", o.get("plots").toString());
        assertEquals(JsonParser.parseString(SPEC).getAsJsonObject().get("published"), o.get("published"));
    }

    @Test
    void markdownTablesAndThePublishedComparison() throws IOException {
        ReportFiles files = SweepReport.compute(sweep).write();
        String md = Files.readString(files.markdown());
        assertTrue(md.contains("8 tasks: 4 done, 1 failed, 1 diverged, 1 running, 1 queued."), md);
        assertTrue(md.contains("| variant | tasks done / failed / diverged | modes captured | high-quality % "
                + "| KL to uniform | mean wall time |"), md);
        assertTrue(md.contains("| ring8-gan | 3 / 0 / 0 (1 running) | 7 ± 1 (6-8) | 75.0 ± 25.0 (50.0-100.0) "
                + "| 0.250 ± 0.250 (0.000-0.500) | 3 min 20 s |"), md);
        assertTrue(md.contains("| ring8-gan | 150 ± 71 (100-200); never on seed 3 | 1.00 ± 1.00 (0.00-2.00) "
                + "| 2.00 ± 2.00 (0.00-4.00) |"), md);
        assertTrue(md.contains("| 2 | ring8-gan | 3 | 8 | 100.0 | 0.000 | never | 0.00 | 0.00 | 5 min 0 s |"), md);
        assertTrue(md.contains("| 5 | ring8-wgan | 2 | diverged | the critic loss became NaN at step 40"), md);
        assertTrue(md.contains("| 6 | ring8-wgan | 3 | failed | summary.json is damaged: "), md);
        assertTrue(md.contains("![plot-wasserstein.png](plot-wasserstein.png)"), md);
        int published = md.indexOf("## Beside the published figures");
        assertTrue(published > 0, md);
        String beside = md.substring(published);
        assertTrue(beside.contains("Published protocol: 2,500 samples, 3 sigma."), beside);
        assertTrue(beside.contains("### ring8\n\n| method | modes captured | high-quality % | source |"), beside);
        assertTrue(beside.contains("| ring8-gan | 7 ± 1 | 75.0 ± 25.0 | this sweep, 3 seeds |"), beside);
        assertTrue(beside.contains("| ring8-wgan | 8 ± 0 | 25.0 ± 0.0 | this sweep, 1 seed |"), beside);
        assertTrue(beside.contains("| GAN | 6.3 | 98.2 | Lin et al., PacGAN, NeurIPS 2018, Table 1 |"), beside);
        assertTrue(beside.contains("### grid25"), beside);
        assertTrue(beside.contains("| GAN | 17.3 ± 0.8 | 94.8 | Lin et al., PacGAN, NeurIPS 2018, Table 1 |"), beside);
        assertTrue(beside.contains("No variant of this sweep trains on grid25."), beside);
    }

    @Test
    void plotsAreWrittenAtTheirSize() throws IOException {
        ReportFiles files = SweepReport.compute(sweep).write();
        assertEquals(List.of(), files.problems());
        assertEquals(3, files.plots().size());
        for (Path p : files.plots()) {
            assertTrue(Files.size(p) > 10_000, p + ": " + Files.size(p) + " bytes");
            BufferedImage img = ImageIO.read(p.toFile());
            assertNotNull(img, p.toString());
            assertEquals(BandPlot.DEFAULT_WIDTH, img.getWidth());
            assertEquals(BandPlot.DEFAULT_HEIGHT, img.getHeight());
        }
        // ring8-gan is variant 0, drawn in the palette's first colour (#4E79A7) on the critic-loss plot
        BufferedImage loss = ImageIO.read(sweep.getPath().resolve("plot-critic-loss.png").toFile());
        assertTrue(pixelsNear(loss, 0x4E79A7) > 200, "pixels of variant 0's line: " + pixelsNear(loss, 0x4E79A7));
        assertTrue(pixelsNear(loss, 0xF28E2B) > 200, "pixels of variant 1's line: " + pixelsNear(loss, 0xF28E2B));
    }

    @Test
    void rewritingLeavesNoTemporaryFiles() throws IOException {
        SweepReport.compute(sweep).write();
        ReportFiles again = SweepReport.compute(sweep).write();
        assertTrue(Files.size(again.json()) > 0);
        try (Stream<Path> s = Files.list(sweep.getPath())) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void aReaderNeverSeesHalfAReportWhileTwoWritersRewriteIt() throws Exception {
        SweepReport.compute(sweep).write();
        Path json = sweep.getPath().resolve(SweepReport.JSON);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < 2; k++) {
                        SweepReport.compute(sweep).write();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            writers.add(t);
        }
        Thread watcher = new Thread(() -> {
            for (Thread t : writers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            writing.set(false);
        });
        watcher.start();
        int reads = 0;
        while (writing.get()) {
            JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertEquals(2, o.getAsJsonArray("variants").size());
            reads++;
        }
        watcher.join();
        assertEquals(List.of(), errors);
        assertTrue(reads > 0);
    }

    @Test
    void aSweepWithNothingDoneStillWritesItsReport(@TempDir Path other) throws IOException {
        SweepFolder empty = FakeSweep.create(other,
                "{\"name\": \"empty\", \"presets\": [\"ring8-gan\"], \"seeds\": 2}");
        ReportFiles files = SweepReport.compute(empty).write();
        assertEquals(List.of(), files.plots());
        JsonObject v = JsonParser.parseString(Files.readString(files.json())).getAsJsonObject()
                .getAsJsonArray("variants").get(0).getAsJsonObject();
        assertEquals(2, v.get("queued").getAsInt());
        assertEquals("{}", v.get("figures").toString());
        assertFalse(v.has("wallSeconds"));
        assertEquals("0,ring8-gan,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,0,0,0,",
                Files.readAllLines(files.csv()).get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\": \"finished\", \"eval\": {\"modesCap", "[1, 2]", "{\"status\": {}}",
        "{\"status\": \"finished\", \"steps\": \"many\"}", "\u0000\u0001\u00ff", ""})
    void aSummaryThatCannotBeReadCountsAsFailed(String summary) throws IOException {
        FakeSweep.summary(sweep.taskDir(sweep.getPlan().task(4)), summary);
        SweepReport r = SweepReport.compute(sweep);
        TaskOutcome o = r.getVariants().get(1).tasks().get(0);
        assertEquals(TaskState.Kind.FAILED, o.kind());
        assertTrue(o.reason().startsWith("summary.json is damaged: "), o.reason());
        assertEquals(3, r.getVariants().get(1).failed() + r.getVariants().get(1).diverged());
        assertTrue(r.write().json().toFile().isFile());
    }

    @Test
    void imageRunsReportEveryFeatureScore() throws IOException {
        SweepFolder images = FakeSweep.create(tmp.resolve("images"),
                "{\"name\": \"img\", \"presets\": [\"fashion-wgan-gp\"], \"seeds\": 2, \"set\": {\"steps\": 10}}");
        double[][] scores = {{8, 3.5, 0.5, 0.25, 0.75, 0.125, 0.03}, {10, 2.5, 0.7, 0.35, 0.85, 0.175, 0.01}};
        for (int t = 0; t < 2; t++) {
            double[] s = scores[t];
            FakeSweep.summary(FakeSweep.run(images, t), String.format(java.util.Locale.ROOT,
                    "{\"status\": \"finished\", \"wallSeconds\": 5, \"eval\": {\"classesCovered\": %s, "
                    + "\"frechet\": %s, \"precision\": %s, \"recall\": %s, \"density\": %s, \"coverage\": %s, "
                    + "\"kernelDistance\": %s, \"kernelDistanceStdErr\": 0.001}}",
                    s[0], s[1], s[2], s[3], s[4], s[5], s[6]));
        }
        VariantSummary v = SweepReport.compute(images).getVariants().get(0);
        assertEquals(9.0, v.figures().get(Figure.CLASSES).mean());
        assertEquals(3.0, v.figures().get(Figure.FRECHET).mean());
        assertEquals(0.6, v.figures().get(Figure.PRECISION).mean(), 1e-12);
        assertEquals(0.3, v.figures().get(Figure.RECALL).mean(), 1e-12);
        assertEquals(0.8, v.figures().get(Figure.DENSITY).mean(), 1e-12);
        assertEquals(0.15, v.figures().get(Figure.COVERAGE).mean(), 1e-12);
        assertEquals(0.02, v.figures().get(Figure.KID).mean(), 1e-12);
        assertEquals(Math.sqrt(2) * 0.01, v.figures().get(Figure.KID).std(), 1e-12);
        assertEquals("0.0200", Figure.KID.format(0.02));
    }

    @Test
    void aDoneTaskWithoutItsEvaluationKeepsItsStabilityWithANote() throws IOException {
        FakeSweep.summary(sweep.taskDir(sweep.getPlan().task(4)),
                "{\"status\": \"finished\", \"wallSeconds\": 5, \"eval\": [1]}");
        VariantSummary wgan = SweepReport.compute(sweep).getVariants().get(1);
        assertEquals(1, wgan.done());
        assertEquals(0, wgan.figures().get(Figure.MODES).n());
        assertEquals(List.of(0.0), wgan.figures().get(Figure.GAP_STD).values());
        assertEquals(List.of(
                "summary.json has no final evaluation (\"eval\"); `eval` on the task's folder computes it"),
                wgan.tasks().get(0).notes());
    }

    @Test
    void damagedMetricsKeepTheEvaluationWithANote() throws IOException {
        Path t0 = sweep.taskDir(sweep.getPlan().task(0));
        Files.writeString(t0.resolve(RunDirectory.METRICS), "step,loss\n\u0000\u0001garbage\n");
        VariantSummary gan = SweepReport.compute(sweep).getVariants().get(0);
        assertEquals(3, gan.done());
        assertEquals(List.of(2.0, 0.0), gan.figures().get(Figure.GAP_STD).values());
        assertEquals(List.of(2L, 3L), gan.figures().get(Figure.GAP_STD).seeds());
        assertEquals(List.of(1L, 2L, 3L), gan.figures().get(Figure.MODES).seeds());
        TaskOutcome o = gan.tasks().get(0);
        assertEquals(List.of("metrics.csv does not start with the columns this version writes; its rows are not used"),
                o.notes());
    }

    @Test
    void figuresFitTheKindOfRun() {
        Presets presets = new Presets(Paths.get("models"));
        RunConfig gan = presets.load("ring8-gan");
        assertEquals(List.of(Figure.MODES, Figure.HIGH_QUALITY, Figure.KL, Figure.ALL_MODES_STEP, Figure.GAP_STD,
                Figure.GAP_RANGE), Figure.forConfig(gan));
        RunConfig images = presets.load("fashion-wgan-gp");
        assertEquals(List.of(Figure.CLASSES, Figure.FRECHET, Figure.PRECISION, Figure.RECALL, Figure.DENSITY,
                Figure.COVERAGE, Figure.KID, Figure.GAP_STD, Figure.GAP_RANGE),
                Figure.forConfig(images));
        RunConfig classifier = presets.load("fashion-classifier-baseline");
        assertEquals(List.of(Figure.TOP1, Figure.TOP5), Figure.forConfig(classifier));
    }

    private static int pixelsNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255))
                        + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) + Math.abs((p & 255) - (rgb & 255));
                if (d < 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
