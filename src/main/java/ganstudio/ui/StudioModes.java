package ganstudio.ui;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.ui.classify.ClassifierView;
import ganstudio.ui.common.PresetsByTask;
import ganstudio.ui.common.Theme;
import ganstudio.ui.compare.CompareView;
import ganstudio.ui.gan.GanView;
import ganstudio.ui.gan.RecordControl;
import ganstudio.ui.session.TrainingRun;
import ganstudio.ui.sweeps.NewStudyDialog;
import ganstudio.ui.sweeps.StudyLauncher;
import ganstudio.ui.sweeps.SweepsView;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The studio's views as tabs, GAN, Classifier, Compare and Sweeps, and the routing between them: a preset or a
 * run goes to the view of its task, whichever view it was picked in; the GAN tab's paired experiment goes to
 * Compare; "New study…" of either setup opens its dialog, and the study it starts shows in Sweeps, whose task runs
 * open in their view and whose variants compare in Compare.
 */
final class StudioModes {

    /** What the classifier demo trains on unless --set says otherwise: a subset whose epoch takes seconds. */
    static final List<String> QUICK_CLASSIFIER_DEMO = List.of("data.limit=4000", "cls.validation=1000",
            "cls.epochs=3", "log.every=3");

    private final GanView gan;
    private final ClassifierView classifier;
    private final Tab ganTab;
    private final Tab classifierTab;
    private final CompareView compare;
    private final Tab compareTab;
    private final SweepsView sweeps;
    private final Tab sweepsTab;
    private final StudyLauncher launcher = new StudyLauncher();
    private final Path runsRoot;
    private final TabPane tabs;
    private final Presets presets = Presets.locate();
    /** The setup a study from the Sweeps tab starts from: the one shown last. */
    private boolean classifierSetupLast;
    private NewStudyDialog studyDialog;

    StudioModes(Path runsRoot) {
        this(runsRoot, sweepsNextTo(runsRoot));
    }

    /** Where the sweeps go unless told: sweeps/ beside the runs folder, as the CLI's default beside runs/. */
    static Path sweepsNextTo(Path runsRoot) {
        Path parent = runsRoot.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("sweeps").toAbsolutePath() : parent.resolve("sweeps");
    }

    StudioModes(Path runsRoot, Path sweepsRoot) {
        this.runsRoot = runsRoot;
        gan = new GanView(runsRoot);
        classifier = new ClassifierView(runsRoot);
        ganTab = new Tab("GAN", gan.getRoot());
        classifierTab = new Tab("Classifier", classifier.getRoot());
        compare = new CompareView(runsRoot);
        compareTab = new Tab("Compare", compare.getRoot());
        sweeps = new SweepsView(sweepsRoot, launcher);
        sweepsTab = new Tab("Sweeps", sweeps.getRoot());
        tabs = new TabPane(ganTab, classifierTab, compareTab, sweepsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("mode-tabs");
        gan.onClassifierRun(dir -> {
            tabs.getSelectionModel().select(classifierTab);
            classifier.openRun(dir);
        });
        gan.onPairedExperiment((config, preset) -> {
            tabs.getSelectionModel().select(compareTab);
            compare.startPair(config, preset);
        });
        classifier.onGanRun(dir -> {
            tabs.getSelectionModel().select(ganTab);
            gan.openRun(dir);
        });
        gan.setup().onNewStudy((config, preset) -> newStudy("gan", config, preset));
        classifier.setup().onNewStudy((config, preset) -> newStudy("classifier", config, preset));
        sweeps.onNewStudy(this::newStudyFromLastSetup);
        sweeps.onOpenRun(dir -> {
            tabs.getSelectionModel().select(ganTab);
            gan.openRun(dir); // a classifier run goes on to the classifier view
        });
        sweeps.onCompare(dirs -> {
            tabs.getSelectionModel().select(compareTab);
            compare.compareRuns(dirs);
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == ganTab || b == classifierTab) {
                classifierSetupLast = b == classifierTab;
            }
            sweeps.setActive(b == sweepsTab);
        });
    }

    /** The "New study…" dialog on a setup's config; the study it starts is shown in the Sweeps tab. */
    private void newStudy(String task, RunConfig config, String preset) {
        if (preset.isBlank()) {
            showBanner("pick a preset first: a study varies a preset's settings");
            return;
        }
        studyDialog = new NewStudyDialog(tabs.getScene().getWindow(), task, preset, config, runsRoot,
                sweeps.sweepsRoot(), launcher, started -> {
                    tabs.getSelectionModel().select(sweepsTab);
                    sweeps.showStarted(started);
                }, problem -> {
                    tabs.getSelectionModel().select(sweepsTab);
                    sweeps.showBanner("The study did not start: " + problem);
                });
        studyDialog.show();
    }

    private void newStudyFromLastSetup() {
        String problem = classifierSetupLast ? classifier.setup().firstProblem() : gan.setup().firstProblem();
        if (problem != null) {
            sweeps.showBanner("New study starts from the " + (classifierSetupLast ? "Classifier" : "GAN")
                    + " setup, which has a problem: " + problem);
            return;
        }
        if (classifierSetupLast) {
            newStudy("classifier", classifier.setup().getConfig(), classifier.setup().presetName());
        } else {
            newStudy("gan", gan.setup().getConfig(), gan.setup().presetName());
        }
    }

    /** --open-sweep: the Sweeps tab on this sweep's folder. */
    void openSweep(Path dir) {
        tabs.getSelectionModel().select(sweepsTab);
        sweeps.openChecked(dir);
    }

    SweepsView sweeps() {
        return sweeps;
    }

    /** The "New study…" dialog opened last, for a test; null before one. */
    NewStudyDialog studyDialog() {
        return studyDialog;
    }

    /** The title of the tab on screen. */
    String selectedTab() {
        return tabs.getSelectionModel().getSelectedItem().getText();
    }

    /** "New study…" in the Sweeps tab, as a person would press it. */
    void pressNewStudy() {
        newStudyFromLastSetup();
    }

    TabPane getRoot() {
        return tabs;
    }

    GanView gan() {
        return gan;
    }

    void installShortcuts(Scene scene) {
        gan.installShortcuts(scene, ganTab::isSelected);
        classifier.installShortcuts(scene, classifierTab::isSelected);
    }

    void setTheme(Theme theme) {
        classifier.setTheme(theme);
    }

    boolean isClassifierPreset(String name) {
        return "classifier".equals(PresetsByTask.taskOf(presets, name));
    }

    /** Shows a preset in the form of its task's view (not started). */
    void selectPreset(String name) {
        if (isClassifierPreset(name)) {
            tabs.getSelectionModel().select(classifierTab);
            classifier.setup().selectPreset(name);
        } else {
            gan.setup().selectPreset(name);
        }
    }

    void openRun(Path dir) {
        gan.openRun(dir); // routes a classifier run to this class's handler
    }

    /**
     * The demo: load the preset in its view, type the overrides into the form as a person would, press Start.
     * A classifier demo trains on a small subset unless --set names data.limit.
     */
    void startDemo(String preset, Integer steps, List<String> sets) {
        selectPreset(preset);
        boolean cls = isClassifierPreset(preset);
        if (cls) {
            for (String s : QUICK_CLASSIFIER_DEMO) {
                String key = s.substring(0, s.indexOf('='));
                if (sets.stream().noneMatch(x -> x.startsWith(key + "="))) {
                    classifier.setup().setField(key, s.substring(s.indexOf('=') + 1));
                }
            }
        }
        if (steps != null) {
            setField(cls, cls ? "cls.epochs" : "steps", String.valueOf(steps));
        }
        for (String s : sets) {
            setField(cls, s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        if (cls) {
            classifier.startTraining();
        } else {
            gan.startTraining();
        }
    }

    /** --compare: these runs side by side in the Compare tab. */
    void compareRuns(List<Path> dirs) {
        tabs.getSelectionModel().select(compareTab);
        compare.compareRuns(dirs);
    }

    /** --pair: the Compare tab's paired experiment from a preset, its fields typed in as a person would. */
    void startPairDemo(String preset, Integer steps, String twinObjective) {
        tabs.getSelectionModel().select(compareTab);
        compare.setPairFields(preset, steps, twinObjective);
        compare.pressStartPair();
    }

    /** --twin-of: a run's twin trained beside it in the Compare tab. */
    void startTwinDemo(Path run, String twinObjective) {
        tabs.getSelectionModel().select(compareTab);
        compare.setPairFields(null, null, twinObjective);
        compare.twinOf(run);
    }

    /** --follow: the GAN view follows this grid cell once a grid is on screen. */
    void followWhenShown(int cell) {
        gan.followWhenShown(cell);
    }

    /** --zoom: the GAN view's zoom (screen pixels per picture pixel, 0 = fit). */
    void setZoom(double zoom) {
        gan.setZoom(zoom);
    }

    /** --record for the demo: the GAN view starts recording once its run has started. */
    void recordWhenStarted(RecordControl.Source what) {
        gan.recordWhenStarted(what);
    }

    private void setField(boolean cls, String key, String value) {
        try {
            if (cls) {
                classifier.setup().setField(key, value);
            } else {
                gan.setup().setField(key, value);
            }
        } catch (RuntimeException e) {
            throw new UserError("--set " + key + "=" + value + ": " + e.getMessage());
        }
    }

    void showBanner(String text) {
        if (sweepsTab.isSelected()) {
            sweeps.showBanner(text);
        } else if (compareTab.isSelected()) {
            compare.showBanner(text);
        } else if (classifierTab.isSelected()) {
            classifier.showBanner(text);
        } else {
            gan.showBanner(text);
        }
    }

    /** Every run training in any tab, for closing the studio. */
    List<TrainingRun> trainingRuns() {
        List<TrainingRun> out = new java.util.ArrayList<>(gan.trainingRuns());
        out.addAll(classifier.trainingRuns());
        out.addAll(compare.trainingRuns());
        return out;
    }

    /** Closing the studio has begun: nothing new may start (a paired twin waiting for its source). */
    void prepareClose() {
        compare.cancelPendingTwin();
    }

    ClassifierView classifier() {
        return classifier;
    }

    CompareView compare() {
        return compare;
    }

    void shutdown() {
        gan.shutdown();
        classifier.shutdown();
        compare.shutdown();
        sweeps.shutdown();
    }
}
