package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.ConfigFormView;
import ganstudio.ui.common.SetupPanel;
import ganstudio.ui.gan.GanView;
import ganstudio.ui.sweeps.SweepFixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Two finished runs written by hand, an image run (fashion-wgan-gp, evaluated in the classifier's features) and a
 * 2D run (ring8-wgan-gp), as a person sees their final evaluations: the image run opened in the GAN view with its
 * scores under the picture, then both side by side in Compare with the table of their scores. Writes
 * target/studio-evaluation.png. A main class that {@link StudioEvaluationTest} runs in a JVM of its own under Xvfb.
 */
final class EvaluationScenario {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    static final String IMAGE_EVAL = "{\"step\": 300, \"samples\": 500, \"classifier\": "
            + "\"models/fashion-classifier\", \"classesCovered\": 9, \"classes\": 10, \"featureSpace\": "
            + "\"classifier\", \"frechetName\": \"Fréchet classifier distance\", \"frechet\": 3.2101, "
            + "\"frechetTrainVsTest\": 0.1117, \"precision\": 0.612, \"recall\": 0.548, \"density\": 0.801, "
            + "\"coverage\": 0.72, \"kernelDistance\": 0.0123, \"kernelDistanceStdErr\": 0.0006, \"featureDim\": 128}";
    static final String RING_EVAL = "{\"step\": 300, \"samples\": 2500, \"data\": \"ring8\", \"modesCaptured\": 8, "
            + "\"modes\": 8, \"highQualityFraction\": 0.9124, \"kl\": 0.0031}";

    private final Path tmp;
    private final Path screenshot;
    private StudioApp app;

    EvaluationScenario(Path tmp, Path screenshot) {
        this.tmp = tmp;
        this.screenshot = screenshot;
    }

    public static void main(String[] args) {
        ForkedJvm.main("evaluation", () -> new EvaluationScenario(Paths.get(args[0]), Paths.get(args[1])).run());
    }

    void run() throws Exception {
        Path runs = tmp.resolve("runs");
        Path image = finished(runs, "fashion-wgan-gp", IMAGE_EVAL);
        // one setting changed against its preset, which the setup must mark
        JsonObject changed = com.google.gson.JsonParser.parseString(Files.readString(image.resolve(RunDirectory.CONFIG)))
                .getAsJsonObject();
        changed.getAsJsonObject("optG").addProperty("lr", 0.0003);
        Files.writeString(image.resolve(RunDirectory.CONFIG), changed.toString(), StandardCharsets.UTF_8);
        Path ring = finished(runs, "ring8-wgan-gp", RING_EVAL);
        app = FxThread.startStudio(List.of("--out", runs.toString(), "--open", image.toString(), "--theme", "dark",
                "--size", "1400x900"));
        GanView gan = FxThread.call(() -> app.window().gan());
        FxThread.await("the opened image run's scores under its picture", LIMIT,
                () -> !gan.evaluationText().isEmpty(), gan::viewingText);
        assertEquals(List.of("Evaluation at step 300, 500 samples, in the classifier's features",
                "classes covered: 9 / 10", "Fréchet classifier distance: 3.2101", "train vs test (the floor): 0.1117",
                "precision (k = 3): 0.6120", "recall (k = 3): 0.5480", "density (k = 5): 0.8010",
                "coverage (k = 5): 0.7200", "KID ± std error: 0.0123 ± 0.0006"),
                FxThread.call(gan::evaluationText));
        openedRunShowsItsOwnSettings(gan, image);

        FxThread.run(() -> app.window().compareRuns(List.of(image, ring)));
        FxThread.await("both runs' scores in Compare's table", LIMIT,
                () -> !app.window().compare().scoresText().isEmpty(), () -> app.window().selectedTab());
        assertEquals(List.of("step · samples: 300 · 500 | 300 · 2500", "features: classifier | —",
                "classes covered: 9 / 10 | —", "Fréchet classifier distance: 3.2101 | —",
                "train vs test (the floor): 0.1117 | —", "precision (k = 3): 0.6120 | —",
                "recall (k = 3): 0.5480 | —", "density (k = 5): 0.8010 | —", "coverage (k = 5): 0.7200 | —",
                "KID ± std error: 0.0123 ± 0.0006 | —", "modes captured: — | 8 / 8", "high quality: — | 91.2%",
                "KL to uniform: — | 0.0031"), FxThread.call(() -> app.window().compare().scoresText()));
        FxThread.call(() -> {
            StudioApp.savePng(app.scene(), screenshot);
            return null;
        });
        FxThread.run(() -> app.requestClose(false));
    }

    /**
     * The setup shows the opened run's settings, not the form's last preset: read-only, its preset named, the key
     * that differs from it marked, Train again and Resume offered; Close run gives the form back as it was.
     */
    private void openedRunShowsItsOwnSettings(GanView gan, Path image) throws IOException {
        FxThread.await("the opened run's settings in the setup", LIMIT, () -> gan.setup().showsRunSettings(),
                gan::viewingText);
        FxThread.run(() -> {
            SetupPanel setup = gan.setup();
            assertEquals("fashion-wgan-gp", setup.presetName());
            assertEquals("fashion-mnist", setup.getConfig().getString("data.kind"));
            assertEquals(0.0003, setup.getConfig().getDouble("optG.lr"), 1e-12);
            ConfigFormView form = (ConfigFormView) setup.lookup(".config-form");
            assertEquals(java.util.Set.of("optG.lr"), form.markedKeys());
            List<TextField> fields = form.lookupAll(".text-field").stream().filter(n -> n instanceof TextField)
                    .map(n -> (TextField) n).toList();
            assertTrue(!fields.isEmpty() && fields.stream().noneMatch(TextField::isEditable), "every field read-only");
            List<String> buttons = setup.lookupAll(".button").stream().filter(n -> n instanceof Button)
                    .map(n -> ((Button) n).getText()).toList();
            assertTrue(buttons.containsAll(List.of("Train again with these settings", "Resume")), buttons.toString());
            Label title = (Label) setup.lookup(".run-settings-title");
            assertEquals("Settings of fashion-wgan-gp-20261207-000000 (read-only): 1 key differs from preset "
                    + "fashion-wgan-gp, marked", title.getText());
        });
        FxThread.call(() -> {
            StudioApp.savePng(app.scene(), screenshot.resolveSibling("studio-opened-run.png"));
            return null;
        });
        FxThread.run(() -> {
            Button close = (Button) gan.getRoot().lookupAll(".button").stream()
                    .filter(n -> n instanceof Button b && "Close run".equals(b.getText())).findFirst().orElseThrow();
            close.fire();
            SetupPanel setup = gan.setup();
            assertFalse(setup.showsRunSettings());
            assertEquals("ring8-wgan-gp", setup.presetName(), "the form as it was before the run opened");
            assertEquals("ring8", setup.getConfig().getString("data.kind"));
        });
        FxThread.run(() -> gan.openRun(image));
        FxThread.await("the run opened again", LIMIT, () -> gan.setup().showsRunSettings(), gan::viewingText);

        // a classifier run: the classifier view's setup shows it the same way; it has trained 2 of its 3 epochs
        Path cls = image.getParent().resolve("fashion-classifier-baseline-20261207-000000");
        Files.createDirectories(cls);
        JsonObject config = new Presets(Paths.get("models")).load("fashion-classifier-baseline").toJsonObject();
        config.getAsJsonObject("cls").addProperty("epochs", 3);
        config.getAsJsonObject("cls").addProperty("labelSmoothing", 0.1);
        JsonObject info = new JsonObject();
        info.addProperty("preset", "fashion-classifier-baseline");
        config.add("run", info);
        Files.writeString(cls.resolve(RunDirectory.CONFIG), config.toString(), StandardCharsets.UTF_8);
        Files.writeString(cls.resolve(RunDirectory.SUMMARY), "{\"status\": \"stopped\", \"task\": \"classifier\", "
                + "\"epochs\": 2.0}", StandardCharsets.UTF_8);
        FxThread.run(() -> app.window().openRun(cls));
        SetupPanel clsSetup = FxThread.call(() -> app.window().classifier().setup());
        FxThread.await("the classifier run's settings", LIMIT, clsSetup::showsRunSettings, gan::viewingText);
        FxThread.run(() -> {
            ConfigFormView form = (ConfigFormView) clsSetup.lookup(".config-form");
            List<String> marked = form.markedKeys().stream().sorted().toList();
            assertTrue(marked.contains("cls.epochs") && marked.contains("cls.labelSmoothing"), marked.toString());
            Button resume = (Button) clsSetup.lookupAll(".button").stream()
                    .filter(n -> n instanceof Button b && "Resume".equals(b.getText())).findFirst().orElseThrow();
            assertFalse(resume.isDisabled(), "2 of 3 epochs: resumable");
        });
    }

    /** A run folder as a finished run of this preset leaves it, 300 steps, with this evaluation in its summary. */
    private static Path finished(Path runs, String preset, String eval) throws IOException {
        Path dir = runs.resolve(preset + "-20261207-000000");
        Files.createDirectories(dir.resolve(RunDirectory.SAMPLES));
        JsonObject config = new Presets(Paths.get("models")).load(preset).toJsonObject();
        JsonObject info = new JsonObject();
        info.addProperty("preset", preset);
        config.add("run", info);
        Files.writeString(dir.resolve(RunDirectory.CONFIG), config.toString(), StandardCharsets.UTF_8);
        SweepFixture.metrics(dir, 300);
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), "{\"status\": \"finished\", \"reason\": \"\", "
                + "\"steps\": 300, \"eval\": " + eval + "}", StandardCharsets.UTF_8);
        return dir;
    }
}
