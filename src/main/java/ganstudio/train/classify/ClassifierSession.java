package ganstudio.train.classify;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ClassifierData;
import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.CheckpointIo;
import ganstudio.runs.RunDirectory;
import ganstudio.runs.RunWriteException;
import ganstudio.train.common.DivergenceException;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.train.Devices;
import ganstudio.train.ResumeRequest;
import ganstudio.train.Session;
import ganstudio.train.SessionControl;
import ganstudio.tricks.Tricks;
import ganstudio.config.ClassifierKeys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains one image classifier on its own thread and keeps its run directory: a metrics row every log.every
 * batches and one per epoch with validation, events, a checkpoint per epoch, best/ (the weights with the best
 * validation accuracy) and summary.json with the test report. Driven through {@link SessionControl} like a GAN
 * session; the live-editable key is opt.lr.
 */
public final class ClassifierSession extends Session<ClassifierListener> {

    private volatile ClassificationReport testReport;
    private ClassifierTrainer trainer;
    /** When the current epoch began, for its seconds and images per second. */
    private long epochStart;

    private ClassifierSession(RunConfig config, Path runsRoot, Path resumeDir, String preset) {
        super(config, runsRoot, resumeDir, preset);
    }

    public static ClassifierSession create(RunConfig config, Path runsRoot, String preset) {
        return new ClassifierSession(Tricks.validate(config, ""), runsRoot, null, preset);
    }

    /** Continues a classifier run from its latest readable checkpoint with its own settings. */
    public static ClassifierSession resume(Path runDir) {
        return resume(runDir, ResumeRequest.asBefore());
    }

    /**
     * Continues a classifier run, to a new epoch count or on another device if asked; a new epoch count keeps the
     * learning-rate schedule on the run's first length unless the request stretches it.
     */
    public static ClassifierSession resume(Path runDir, ResumeRequest request) {
        RunConfig c = request.apply(resumable(runDir), "cls.epochs", "sched.epochs");
        return new ClassifierSession(c, runDir.getParent(), runDir, presetOf(runDir));
    }

    /** The test-set report, once the run has ended healthily. */
    public ClassificationReport getTestReport() {
        return testReport;
    }

    @Override
    protected String threadName() {
        return "classifier";
    }

    @Override
    protected void prepare(Device device) {
        trainer = new ClassifierTrainer(config, ClassifierData.load(config), device);
    }

    @Override
    protected RunDirectory createNew(Device device) {
        return createRun(runInfo(device, trainer.getData(), trainer));
    }

    @Override
    protected Resumed readCheckpoint(RunDirectory opened) {
        Resumed resumed = loadNewestGood(opened, folder -> loadCheckpoint(trainer, folder));
        if (trainer.tally().best() < 0 && !resumed.summaryDamaged()) {
            trainer.tally().onValidation(bestSoFar(opened)); // a checkpoint from before the tally was saved
        }
        return resumed;
    }

    @Override
    protected long position() {
        return trainer == null ? 0 : trainer.getStep();
    }

    @Override
    protected long length() {
        return (long) config.getInt(ClassifierKeys.CLS_EPOCHS) * trainer.batchesPerEpoch();
    }

    @Override
    protected String unit() {
        return "batch";
    }

    @Override
    protected void announce(RunDirectory run, Device device) {
        String tricks = trainer.activeTricks().isEmpty() ? "none" : String.join(", ", trainer.activeTricks());
        for (ClassifierListener l : listeners) {
            l.onStarted(run.getPath(), Devices.describe(device), describe(trainer.getData()), tricks,
                    trainer.getModel().parameterCount(), config.getInt(ClassifierKeys.CLS_EPOCHS),
                            trainer.batchesPerEpoch());
        }
        epochStart = System.nanoTime();
    }

    @Override
    protected String applyEdit(String key, double value) {
        if (!ConfigSchema.liveKeys("classifier").contains(key)) {
            return "ignored live edit of " + key + " (a classifier takes " + String.join(", ",
                    ConfigSchema.liveKeys("classifier")) + " live)";
        }
        trainer.setBaseLearningRate(value);
        return "opt.lr = " + value;
    }

    @Override
    protected boolean iterate(RunDirectory run, boolean single) {
        EpochTally tally = trainer.tally();
        trainer.trainBatch();
        long step = trainer.getStep();
        if (trainer.atEpochEnd()) {
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            ClassificationReport val = trainer.evaluate(trainer.getData().validation(),
                    trainer.getData().validationIsTest() ? "test" : "validation");
            trainer.onValidation(val.loss());
            ClassifierMetrics m = new ClassifierMetrics(trainer.epoch(), step, tally.meanLoss(),
                    tally.accuracy(), val.loss(), val.top1(), val.top5(), trainer.learningRate(), seconds,
                    tally.seen() / seconds, trainer.wallSeconds());
            emit(run, m);
            for (ClassifierListener l : listeners) {
                l.onReport(val);
            }
            tally.nextEpoch();
            boolean better = tally.onValidation(val.top1());
            checkpoint(trainer, run);
            int patience = config.getInt(ClassifierKeys.REG_EARLY_STOPPING);
            if (better) {
                saveBest(trainer, run, val);
            } else if (patience > 0 && tally.sinceBest() >= patience) {
                event(run, step, "early stopping: no better validation accuracy for " + patience + " epochs");
                end(run, "finished", "");
                return false;
            }
            epochStart = System.nanoTime();
        } else if (step % config.getInt(ConfigSchema.LOG_EVERY) == 0 || step == 1 || single) {
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            emit(run, new ClassifierMetrics(trainer.epoch(), step, tally.meanLoss(), tally.accuracy(),
                    Double.NaN, Double.NaN, Double.NaN, trainer.learningRate(), Double.NaN, tally.seen() / seconds,
                    trainer.wallSeconds()));
        }
        return true;
    }

    @Override
    protected String memoryAdvice() {
        return "cls.width";
    }

    @Override
    protected void release() {
        if (trainer != null) {
            trainer.close();
        }
    }

    private static String describe(ClassifierData d) {
        return d.train().count() + " training, " + d.validation().count()
                + (d.validationIsTest() ? " validation (= test set)" : " validation") + ", " + d.test().count()
                + " test images " + d.train().channels() + "x" + d.train().height() + "x" + d.train().width()
                + " from " + d.train().source();
    }

    /** The best validation top-1 that summary.json records (for a checkpoint written before the tally was). */
    private static double bestSoFar(RunDirectory run) {
        JsonObject s = run.readSummary();
        try {
            return s.getAsJsonObject("bestValidation").get("top1").getAsDouble();
        } catch (RuntimeException e) {
            return -1; // none yet, or not a number: the next epoch sets it
        }
    }

    private void emit(RunDirectory run, ClassifierMetrics m) {
        run.appendMetrics(m);
        for (ClassifierListener l : listeners) {
            l.onMetrics(m);
        }
    }

    /**
     * Ends a healthy run: with early stopping the best weights come back first (the run is judged by them),
     * then the test report goes into the summary.
     */
    @Override
    protected void end(RunDirectory run, String st, String why) {
        try {
            // The checkpoint holds the last weights, so a resumed run goes on from where it stopped; the test
            // report may then judge the best ones.
            checkpoint(trainer, run);
            String skipped = why + (why.isEmpty() ? "" : "; ") + "test evaluation skipped, run `eval "
                    + run.getPath() + "` for it";
            if (control.isEvaluationSkipped()) {
                // A process that is exiting (Ctrl-C, the studio closing) must not wait on 10,000 test images.
                finish(run, st, skipped);
                return;
            }
            boolean useBest = useBestWeights(config, run.getPath());
            if (useBest) {
                try (DataInputStream in = in(bestWeights(run.getPath()))) {
                    trainer.loadModel(in);
                }
            }
            ClassificationReport test;
            try {
                test = trainer.evaluate(trainer.getData().test(), "test", control::isEvaluationSkipped);
            } catch (EvaluationCancelled e) {
                finish(run, st, skipped); // Ctrl-C or the studio closing during the test evaluation
                return;
            }
            testReport = test;
            for (ClassifierListener l : listeners) {
                l.onReport(test);
            }
            String weights = useBest ? "best validation" : "last";
            recordEnd(run, trainer.getStep(), st, why, () -> writeSummary(run, st, why, test, weights));
        } catch (DivergenceException | RunWriteException e) {
            finish(run, "failed", e.getMessage());
        } catch (IOException | RuntimeException e) {
            finish(run, "failed", "test evaluation failed: " + e.getMessage());
        }
    }

    private static Path bestWeights(Path runDir) {
        return runDir.resolve("best").resolve(ClassifierModel.PARAMS);
    }

    /** The run is judged by its best validation weights when early stopping kept them, else by its last. */
    private static boolean useBestWeights(RunConfig config, Path runDir) {
        return config.getInt(ClassifierKeys.REG_EARLY_STOPPING) > 0 && Files.isRegularFile(bestWeights(runDir));
    }

    /**
     * `eval` of a classifier run: the test report of the weights training would judge it by (the best validation
     * weights with early stopping, else the latest readable checkpoint), as summary.json's "test" holds it.
     *
     * @param device the device to evaluate on, or null for the run's own
     */
    public static JsonObject testReport(Path runDir, String device) {
        RunDirectory run = RunDirectory.open(runDir);
        RunConfig c = run.readConfig();
        if (device != null) {
            c = c.withValue("device", device);
        }
        if (run.checkpoints().isEmpty()) {
            throw new UserError(runDir + ": has no checkpoint to evaluate");
        }
        ClassifierData data = ClassifierData.load(c);
        try (ClassifierTrainer trainer = new ClassifierTrainer(c, data,
                Devices.resolve(c.getString(ConfigSchema.DEVICE)))) {
            loadNewestGood(run, folder -> loadCheckpoint(trainer, folder));
            boolean useBest = useBestWeights(c, runDir);
            if (useBest) {
                try (DataInputStream in = in(bestWeights(runDir))) {
                    trainer.loadModel(in);
                } catch (IOException e) {
                    throw new UserError(bestWeights(runDir) + ": unreadable weights (" + e.getMessage() + ")");
                }
            }
            JsonObject t = trainer.evaluate(data.test(), "test").toJson();
            t.addProperty("weights", useBest ? "best validation" : "last");
            return t;
        }
    }

    @Override
    protected void writeSummary(RunDirectory run, String st, String why) {
        writeSummary(run, st, why, null, null);
    }

    private void writeSummary(RunDirectory run, String st, String why,
            ClassificationReport test, String weights) {
        JsonObject s = run.readSummary();
        s.addProperty("task", "classifier");
        s.addProperty("status", st);
        s.addProperty("reason", why);
        if (trainer != null) {
            s.addProperty("batches", trainer.getStep());
            s.addProperty("epochs", Math.round(trainer.epoch() * 1000) / 1000.0);
            s.addProperty("wallSeconds", Math.round(trainer.wallSeconds() * 100) / 100.0);
        }
        List<ClassifierMetrics> rows = run.readClassifierMetrics();
        JsonArray epochSeconds = new JsonArray();
        for (ClassifierMetrics m : rows) {
            if (m.hasValidation()) {
                epochSeconds.add(Math.round(m.epochSeconds() * 100) / 100.0);
            }
        }
        s.add("epochSeconds", epochSeconds);
        if (test != null) {
            JsonObject t = test.toJson();
            t.addProperty("weights", weights);
            s.add("test", t);
        }
        run.writeSummary(s);
    }

    private void saveBest(ClassifierTrainer trainer, RunDirectory run, ClassificationReport val) {
        run.writeFolder("best", folder -> {
            try (DataOutputStream out = out(folder.resolve(ClassifierModel.PARAMS))) {
                trainer.saveModel(out);
            }
        });
        JsonObject s = run.readSummary();
        JsonObject b = new JsonObject();
        b.addProperty("epoch", Math.round(trainer.epoch() * 1000) / 1000.0);
        b.addProperty("top1", val.top1());
        b.addProperty("loss", val.loss());
        s.add("bestValidation", b);
        run.writeSummary(s);
    }

    /** Writes a checkpoint, after checking that the weights are finite (a checkpoint never holds NaNs). */
    private static void checkpoint(ClassifierTrainer trainer, RunDirectory run) {
        trainer.checkWeightsFinite();
        run.writeCheckpoint(trainer.getStep(), folder -> CheckpointIo.write(folder,
                Map.of(ClassifierModel.PARAMS, trainer::saveModel), trainer::saveState));
    }

    private static void loadCheckpoint(ClassifierTrainer trainer, Path folder) throws IOException {
        CheckpointIo.Contents c = CheckpointIo.read(folder, List.of(ClassifierModel.PARAMS));
        trainer.loadCheckpoint(c);
    }

    private JsonObject runInfo(Device device, ClassifierData data, ClassifierTrainer trainer) {
        JsonObject info = baseRunInfo(device, describe(data));
        info.addProperty("channels", data.train().channels());
        info.addProperty("imageSize", data.train().height());
        info.addProperty("classes", data.classes());
        JsonArray names = new JsonArray();
        data.train().classNames().forEach(names::add);
        info.add("classNames", names);
        info.addProperty("parameters", trainer.getModel().parameterCount());
        return info;
    }
}
