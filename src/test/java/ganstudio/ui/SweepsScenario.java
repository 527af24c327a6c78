package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepReport;
import ganstudio.ui.sweeps.LiveRow;
import ganstudio.ui.sweeps.NewStudyDialog;
import ganstudio.ui.sweeps.SweepFixture;
import ganstudio.ui.sweeps.SweepsView;
import ganstudio.ui.sweeps.VariantRow;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The Sweeps tab on a sweep written by hand ({@link SweepFixture}: 2 variants x 2 seeds, two tasks done, one
 * running, one queued), as a person sees it: the task rows with their states and progress, the report table
 * filling in when report.json is written and its plots appearing, the running task seen killed when its process
 * lets go, the report table sorted by a column, Enter on a task opening its run in the GAN view, two variants
 * compared in the Compare tab, and the New study dialog counting tasks, refusing a bad value and closing on Escape. Writes target/sweeps-tab.png and target/new-study.png. A main
 * class that {@link StudioSweepsTest} runs in a JVM of its own under Xvfb.
 */
final class SweepsScenario {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Path tmp;
    private final Path screenshot;
    private StudioApp app;

    SweepsScenario(Path tmp, Path screenshot) {
        this.tmp = tmp;
        this.screenshot = screenshot;
    }

    public static void main(String[] args) {
        ForkedJvm.main("sweeps", () -> new SweepsScenario(Paths.get(args[0]), Paths.get(args[1])).run());
    }

    void run() throws Exception {
        Path sweeps = tmp.resolve("sweeps");
        SweepFolder sweep = SweepFixture.create(sweeps);
        RunDirectory running = SweepFixture.populate(sweep);
        app = FxThread.startStudio(List.of("--out", tmp.resolve("runs").toString(), "--sweeps", sweeps.toString(),
                "--open-sweep", sweep.getPath().toString(), "--theme", "dark", "--size", "1400x900"));
        SweepsView view = FxThread.call(() -> app.window().sweeps());
        FxThread.await("the Sweeps tab on the sweep, its four tasks listed", LIMIT,
                () -> "Sweeps".equals(app.window().selectedTab()) && view.taskTable().getItems().size() == 4,
                () -> app.window().selectedTab() + ", " + view.taskTable().getItems().size() + " rows");
        assertEquals(List.of("0 objective.kind=nsgan 1 done 300 / 300", "1 objective.kind=nsgan 2 done 300 / 300",
                "2 objective.kind=wgan 1 running 150 / 300", "3 objective.kind=wgan 2 queued 0 / 300"),
                FxThread.call(() -> taskRows(view)));
        assertEquals(List.of("objective.kind=nsgan 2/2", "objective.kind=wgan 0/2"),
                FxThread.call(() -> variantRows(view, "done")));
        assertEquals("objective.kind", FxThread.call(() -> view.taskTable().variantTitle()),
                "one key varied: the task table's column is named after it and shows its values");
        assertEquals("4 tasks: 1 queued, 1 running, 2 done", FxThread.call(() -> view.current().countsText()));

        SweepReport.compute(sweep).write();
        FxThread.await("the report's figures and plots, read when report.json was written", LIMIT,
                () -> view.variantTable().getColumns().size() > 8 && !view.plotsPane().shown().isEmpty(),
                () -> view.variantTable().getColumns().size() + " columns, plots " + view.plotsPane().shown());
        assertEquals(List.of("objective.kind=nsgan 7 ± 1.4", "objective.kind=wgan —"),
                FxThread.call(() -> variantRows(view, "modes captured")));

        running.close();
        FxThread.await("the running task seen killed once its process let go", LIMIT,
                () -> view.current().tasks().get(2).kind().toString().equals("killed"),
                () -> view.current().tasks().get(2).toString());

        FxThread.run(() -> {
            TableColumn<LiveRow<VariantRow>, ?> done = column(view, "done");
            view.variantTable().getSortOrder().setAll(List.of(done));
        });
        assertEquals(List.of("objective.kind=wgan 0/2", "objective.kind=nsgan 2/2"),
                FxThread.call(() -> variantRows(view, "done")), "sorted by done, fewest first");

        FxThread.call(() -> {
            StudioApp.savePng(app.scene(), screenshot);
            return null;
        });

        FxThread.run(() -> {
            view.taskTable().getSelectionModel().select(0);
            view.taskTable().requestFocus();
            press(view.taskTable(), KeyCode.ENTER);
        });
        FxThread.await("Enter on a done task: its run opened in the GAN view", LIMIT,
                () -> "GAN".equals(app.window().selectedTab())
                        && app.window().gan().viewingText().contains(sweep.taskDir(sweep.getPlan().task(0))
                                .getFileName().toString()),
                () -> app.window().selectedTab() + ": " + app.window().gan().viewingText());
        FxThread.run(() -> {
            app.window().openSweep(sweep.getPath());
            view.variantTable().getSelectionModel().selectAll();
            view.pressCompare();
        });
        FxThread.await("the two variants' runs side by side in Compare", LIMIT,
                () -> "Compare".equals(app.window().selectedTab())
                        && app.window().compare().shownRuns().size() == 2,
                () -> app.window().selectedTab() + " " + app.window().compare().shownRuns());
        assertEquals(List.of(sweep.taskDir(sweep.getPlan().task(2)), sweep.taskDir(sweep.getPlan().task(0))),
                FxThread.call(() -> app.window().compare().shownRuns()),
                "table order (sorted: wgan first); wgan has no done seed, so its first run");

        newStudyDialog();
        FxThread.run(() -> app.requestClose(false));
    }

    private void newStudyDialog() throws Exception {
        FxThread.run(() -> app.window().pressNewStudy());
        NewStudyDialog d = FxThread.call(() -> app.window().studyDialog());
        FxThread.run(() -> {
            d.typeName("ui-study");
            d.vary("objective.kind", "nsgan, wgan, wgan-gp");
            d.setSeeds(5);
        });
        assertEquals("3 values × 5 seeds = 15 tasks", FxThread.call(d::taskCountText));
        FxThread.await("the study checked as the CLI checks it, Start enabled", LIMIT,
                () -> d.canStart() && d.startEnabled(), d::problemText);
        FxThread.run(() -> d.vary("optD.lr", "1e-4, -2"));
        FxThread.await("the bad value named, Start disabled", LIMIT,
                () -> !d.canStart() && !d.startEnabled() && d.problemText().startsWith("optD.lr = -2 is not allowed"),
                d::problemText);
        Path dialogShot = screenshot.resolveSibling("new-study.png");
        FxThread.call(() -> {
            StudioApp.savePng(d.dialog().getDialogPane().getScene(), dialogShot);
            return null;
        });
        FxThread.run(() -> press(d.dialog().getDialogPane().getScene().getFocusOwner(), KeyCode.ESCAPE));
        FxThread.await("Escape closes the dialog", LIMIT, () -> !d.dialog().isShowing(), () -> "still open");
        assertTrue(Objects.requireNonNull(dialogShot.toFile()).length() > 2000, "a picture of the dialog");
    }

    /** A key pressed on a node as the keyboard would: through the scene, where the dialog's Escape is handled. */
    private static void press(javafx.scene.Node node, KeyCode key) {
        javafx.event.Event.fireEvent(node, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false,
                false));
    }

    private static List<String> taskRows(SweepsView view) {
        return view.taskTable().getItems().stream().map(LiveRow::get).map(t -> t.index() + " " + t.variantLabel()
                + " " + t.seed() + " " + t.stateText() + " " + t.progressText()).toList();
    }

    /** Each row's label and the text under the column of this title (a figure's label or a count's). */
    private static List<String> variantRows(SweepsView view, String title) {
        TableColumn<LiveRow<VariantRow>, ?> c = column(view, title);
        return view.variantTable().getItems().stream()
                .map(r -> r.get().label() + " " + LiveRow.textOf(c, r.get())).toList();
    }

    private static TableColumn<LiveRow<VariantRow>, ?> column(SweepsView view, String title) {
        for (TableColumn<LiveRow<VariantRow>, ?> c : view.variantTable().getColumns()) {
            String t = c.getText() != null && !c.getText().isEmpty() ? c.getText()
                    : c.getGraphic() instanceof javafx.scene.control.Label l ? l.getText() : "";
            if (t.equals(title)) {
                return c;
            }
        }
        throw new AssertionError("no column " + title);
    }
}
