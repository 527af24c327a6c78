package ganstudio.train.gan;

import ai.djl.Device;
import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.data.TrainingData;
import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.CheckpointIo;
import ganstudio.runs.RunDirectory;
import ganstudio.runs.RunWriteException;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.train.Devices;
import ganstudio.train.ResumeRequest;
import ganstudio.train.Session;
import ganstudio.train.SessionControl;
import ganstudio.tricks.Tricks;
import ganstudio.config.ConfigSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Trains one GAN on its own thread and keeps its run directory: metrics rows, frames, events, checkpoints
 * and the summary. The UI and the CLI drive it through {@link SessionControl} and hear from it through
 * {@link GanListener}s.
 */
public final class GanSession extends Session<GanListener> {

    private final FrameWrites frameWrites = new FrameWrites();
    /** Writes frames off the training thread; a full queue makes training wait rather than drop a frame. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), new ThreadPoolExecutor.CallerRunsPolicy());
    private TrainingData data;
    private GanTrainer trainer;
    /** What model.initFrom loaded, for the new run's events; null when it starts from model.init. */
    private String initialWeights;

    /** The run whose fixed noise bank this one uses (a paired experiment's twin), or null. */
    private final Path twinOf;

    private GanSession(RunConfig config, Path runsRoot, Path resumeDir, String preset, Path twinOf) {
        super(config, runsRoot, resumeDir, preset);
        this.twinOf = twinOf;
    }

    /** A new run under runsRoot. */
    public static GanSession create(RunConfig config, Path runsRoot, String preset) {
        return new GanSession(Tricks.validate(config, ""), runsRoot, null, preset, null);
    }

    /**
     * A new run that samples its pictures from another run's fixed noise bank (fixed-noise.bin), so the two
     * grids show the same z side by side. With the source's seed ({@link ganstudio.tricks.TwinConfig} keeps it)
     * it also draws the same real batches in the same order: the data sources are seeded from the config's seed
     * alone.
     */
    public static GanSession twin(RunConfig config, Path runsRoot, String preset, Path sourceRun) {
        RunDirectory.open(sourceRun); // not a run directory: fail now, on the caller's thread
        return new GanSession(Tricks.validate(config, ""), runsRoot, null, preset, sourceRun);
    }

    /** Continues a run from its latest readable checkpoint with its own settings. */
    public static GanSession resume(Path runDir) {
        return resume(runDir, ResumeRequest.asBefore());
    }

    /**
     * Continues a run from its latest readable checkpoint, to a new length or on another device if asked. A new
     * length keeps the schedules (learning-rate decay, instance-noise annealing) on the run's first length, so
     * the steps already trained would repeat exactly, unless the request stretches them.
     */
    public static GanSession resume(Path runDir, ResumeRequest request) {
        RunConfig c = request.apply(resumable(runDir), "steps", "scheduleSteps");
        return new GanSession(c, runDir.getParent(), runDir, presetOf(runDir), null);
    }

    @Override
    protected String threadName() {
        return "training";
    }

    @Override
    protected void prepare(Device device) {
        data = TrainingData.load(config);
        if (!data.isTwoDimensional()) {
            // a bad eval.classifier or eval.features fails now, not after training
            ImageEvaluation.check(config, data.images().channels());
        }
        trainer = new GanTrainer(config, data, device);
        String initFrom = config.getString(ConfigSchema.MODEL_INIT_FROM);
        if (resumeDir == null && !initFrom.isBlank()) {
            // Before the run's folder exists: weights that do not fit are bad input, and no folder is left behind.
            initialWeights = trainer.loadInitialWeights(java.nio.file.Paths.get(initFrom));
        }
    }

    @Override
    protected RunDirectory createNew(Device device) {
        if (twinOf != null) {
            trainer.readFixedNoise(RunDirectory.open(twinOf).readFixedNoise(),
                    twinOf.resolve(RunDirectory.FIXED_NOISE));
        }
        RunDirectory run = createRun(runInfo(device, data));
        run.writeFixedNoise(trainer.fixedNoiseBytes());
        if (initialWeights != null) {
            run.appendEvent(0, initialWeights);
        }
        if (twinOf != null) {
            run.appendEvent(0, "twin of " + twinOf.getFileName() + ": its fixed noise, seed and data order");
        }
        return run;
    }

    @Override
    protected Resumed readCheckpoint(RunDirectory opened) {
        trainer.readFixedNoise(opened.readFixedNoise(), opened.getPath().resolve(RunDirectory.FIXED_NOISE));
        return loadNewestGood(opened, folder -> loadCheckpoint(trainer, folder));
    }

    @Override
    protected long position() {
        return trainer == null ? 0 : trainer.getStep();
    }

    @Override
    protected long length() {
        return config.getInt(ConfigSchema.STEPS);
    }

    @Override
    protected String unit() {
        return "step";
    }

    @Override
    protected void announce(RunDirectory run, Device device) {
        for (GanListener l : listeners) {
            l.onStarted(run.getPath(), Devices.describe(device), data.describe(), trainer.getStep(), length());
        }
    }

    @Override
    protected void beforeLoop(RunDirectory run) {
        if (trainer.getStep() == 0) {
            emitFrame(trainer.frame(), run, true);
        }
    }

    @Override
    protected String applyEdit(String key, double value) {
        return trainer.apply(key, value);
    }

    @Override
    protected void otherTurn(RunDirectory run, SessionControl.Turn turn) {
        if (turn == SessionControl.Turn.CHECKPOINT) {
            checkpointWithEvent(trainer, run);
        } else if (turn == SessionControl.Turn.CRITIC_ITERATION) {
            publish(trainer.criticStep(), run);
            // For 2D data the heatmap is the critic: show it move. An image grid shows G, which did not move.
            if (data.isTwoDimensional()) {
                emitFrame(trainer.frame(), run, false);
            }
        }
    }

    @Override
    protected boolean iterate(RunDirectory run, boolean single) {
        long steps = length();
        long next = trainer.getStep() + 1;
        boolean log = next % config.getInt(ConfigSchema.LOG_EVERY) == 0 || next == steps || single || next == 1;
        StepMetrics m = trainer.step(log);
        if (log) {
            publish(m, run);
        }
        boolean save = next % config.getInt(ConfigSchema.LOG_FRAME_EVERY) == 0 || next == steps || single;
        if (save || anyWantsFrame(next)) {
            emitFrame(trainer.frame(), run, save);
        }
        if (next % config.getInt(ConfigSchema.LOG_CHECKPOINT_EVERY) == 0 || control.takeCheckpointRequest()) {
            checkpointWithEvent(trainer, run);
        }
        checkFrameWrites(run, trainer.getStep());
        return true;
    }

    @Override
    protected String memoryAdvice() {
        return "the network widths";
    }

    @Override
    protected void release() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (trainer != null) {
            trainer.close();
        }
    }

    /** Shows frame-write failures as events; every frame failing ends the run (the disk is full or gone). */
    private void checkFrameWrites(RunDirectory run, long step) {
        String notice = frameWrites.takeNotice();
        if (notice != null) {
            event(run, step, notice);
        }
        if (frameWrites.allFailed()) {
            throw new RunWriteException("every frame write failed (" + frameWrites.failures() + " so far), last: "
                    + frameWrites.lastError());
        }
    }

    /** A logged row: into metrics.csv and to the listeners. */
    private void publish(StepMetrics m, RunDirectory run) {
        run.appendMetrics(m);
        for (GanListener l : listeners) {
            l.onMetrics(m);
        }
    }

    private void checkpointWithEvent(GanTrainer trainer, RunDirectory run) {
        checkpoint(trainer, run);
        event(run, trainer.getStep(), "checkpoint at step " + trainer.getStep());
    }

    /** Frames asked for by a listener only (a video's pacing) go to the listeners, not to samples/. */
    private void emitFrame(Frame frame, RunDirectory run, boolean save) {
        for (GanListener l : listeners) {
            l.onFrame(frame);
        }
        if (save) {
            writer.execute(() -> {
                try {
                    run.writeFrame(frame);
                    frameWrites.written();
                } catch (RuntimeException e) {
                    frameWrites.failed(e.getMessage());
                }
            });
        }
    }

    private boolean anyWantsFrame(long step) {
        for (GanListener l : listeners) {
            if (l.wantsFrame(step)) {
                return true;
            }
        }
        return false;
    }

    /** Ends a healthy run: a last checkpoint, and for 2D data the mode-coverage evaluation. */
    @Override
    protected void end(RunDirectory run, String st, String stopReason) {
        String why = stopReason;
        if (trainer != null && run != null) {
            checkpoint(trainer, run);
            boolean evaluable = trainer.getData().isTwoDimensional()
                    || ImageEvaluation.canScore(config);
            if (evaluable && control.isEvaluationSkipped()) {
                why = evaluationSkipped(why, run);
            } else if (evaluable) {
                // The summary first: an image evaluation can take a minute on a busy CPU, and a run must never
                // be left saying "running" if the process ends meanwhile.
                writeSummary(run, st, why, null);
                try {
                    JsonObject eval = Evaluation.evaluate(trainer, config, config.getInt(ConfigSchema.EVAL_SAMPLES),
                            control::isEvaluationSkipped);
                    recordEnd(run, trainer.getStep(), st, why, () -> writeSummary(run, st, stopReason, eval));
                    return;
                } catch (EvaluationCancelled e) {
                    why = evaluationSkipped(why, run); // Ctrl-C after the last step, during the evaluation
                } catch (RuntimeException e) {
                    why = why.isEmpty() ? "evaluation failed: " + e.getMessage() : why;
                }
            }
        }
        finish(run, st, why);
    }

    private static String evaluationSkipped(String why, RunDirectory run) {
        return why + (why.isEmpty() ? "" : "; ") + "evaluation skipped, run `eval " + run.getPath() + "` for it";
    }

    @Override
    protected void writeSummary(RunDirectory run, String st, String why) {
        writeSummary(run, st, why, null);
    }

    private void writeSummary(RunDirectory run, String st, String why, JsonObject eval) {
        JsonObject s = run.readSummary();
        s.addProperty("status", st);
        s.addProperty("reason", why);
        if (trainer != null) {
            s.addProperty("steps", trainer.getStep());
            s.addProperty("criticIterations", trainer.getCriticIterations());
            s.addProperty("wallSeconds", Math.round(trainer.wallSeconds() * 100) / 100.0);
        }
        List<StepMetrics> rows = run.readMetrics();
        if (!rows.isEmpty()) {
            StepMetrics last = rows.get(rows.size() - 1);
            JsonObject m = new JsonObject();
            for (int i = 0; i < StepMetrics.COLUMNS.size(); i++) {
                double v = last.values()[i];
                if (!Double.isNaN(v)) {
                    m.addProperty(StepMetrics.COLUMNS.get(i), v);
                }
            }
            s.add("lastMetrics", m);
        }
        if (eval != null) {
            s.add("eval", eval);
        }
        if (frameWrites.failures() > 0) {
            s.addProperty("frameWriteFailures", frameWrites.failures());
        }
        run.writeSummary(s);
    }

    /** Writes a checkpoint, after checking that the weights are finite (a checkpoint never holds NaNs). */
    static void checkpoint(GanTrainer trainer, RunDirectory run) {
        trainer.checkWeightsFinite();
        Map<String, CheckpointIo.Part> files = new LinkedHashMap<>();
        files.put(GanTrainer.GENERATOR_FILE, trainer::saveGenerator);
        files.put(GanTrainer.CRITIC_FILE, trainer::saveCritic);
        run.writeCheckpoint(trainer.getStep(), folder -> CheckpointIo.write(folder, files, trainer::saveState));
    }

    /** Loads a checkpoint folder into a trainer built from the same config (after verifying every file). */
    public static void loadCheckpoint(GanTrainer trainer, Path folder) throws IOException {
        trainer.loadCheckpoint(CheckpointIo.read(folder, List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE)));
    }

    private JsonObject runInfo(Device device, TrainingData data) {
        JsonObject info = baseRunInfo(device, data.describe());
        if (twinOf != null) {
            info.addProperty("twinOf", twinOf.toAbsolutePath().toString());
        }
        return info;
    }
}
