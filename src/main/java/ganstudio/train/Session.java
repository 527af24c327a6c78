package ganstudio.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.runs.RunWriteException;
import ganstudio.config.ConfigSchema;
import ganstudio.logs.Logs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a GAN session and a classifier session share: the run they write, the control the UI and CLI drive,
 * the status, and the thread it all runs on.
 */
public abstract class Session<L extends SessionListener> {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    protected final RunConfig config;
    protected final Path runsRoot;
    protected final Path resumeDir;
    protected final String preset;
    protected final SessionControl control = new SessionControl();
    protected final List<L> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    protected volatile Path runDir;
    protected volatile String status = "created";
    protected volatile String reason = "";
    /** Failed before training began, on the user's input (bad data, config, checkpoint): exit 2, not 1. */
    protected volatile boolean badInput;
    private Thread thread;

    protected Session(RunConfig config, Path runsRoot, Path resumeDir, String preset) {
        this.config = config;
        this.runsRoot = runsRoot;
        this.resumeDir = resumeDir;
        this.preset = preset;
    }

    /** Where a new run goes: this exact folder (a sweep's task), or a new name under runsRoot (null). */
    private volatile Path exactRunDir;

    /**
     * Puts the new run at exactly this path instead of a new name under the runs folder; before start only.
     * A sweep names its tasks' folders in its plan, so a task that starts again finds its own run.
     */
    public void setRunDir(Path dir) {
        this.exactRunDir = dir;
    }

    /** The new run's directory, created where {@link #setRunDir} put it or under the runs folder. */
    protected RunDirectory createRun(JsonObject runInfo) {
        return exactRunDir != null ? RunDirectory.createAt(exactRunDir, config, runInfo)
                : RunDirectory.create(runsRoot, config, runInfo);
    }

    /**
     * The config of a run to resume, after checking it has a checkpoint and that nobody is training it (so a
     * refusal comes before data and networks are loaded; run() takes the lock itself).
     */
    protected static RunConfig resumable(Path runDir) {
        RunDirectory run = RunDirectory.open(runDir);
        RunDirectory.requireNoWriter(runDir);
        if (run.checkpoints().isEmpty()) {
            throw new UserError(runDir + ": has no checkpoint to resume from");
        }
        return run.readConfig();
    }

    /** Reads one checkpoint folder into a trainer; an IOException or UserError says what is wrong with it. */
    protected interface CheckpointLoader {
        void load(Path folder) throws IOException;
    }

    /**
     * What a resume found before it changed anything: the checkpoint it loaded, the damaged ones it passed over,
     * and whether summary.json must be written anew.
     */
    protected record Resumed(Path checkpoint, List<String> notes, boolean summaryDamaged) {}

    /**
     * Loads the newest checkpoint that reads back whole (a damaged latest one, e.g. files left empty by a power
     * loss, falls back to the one before it) and checks summary.json, all before the run folder is changed.
     *
     * @throws UserError when no checkpoint can be read, naming each and what is wrong
     */
    protected static Resumed loadNewestGood(RunDirectory run, CheckpointLoader loader) {
        List<Path> all = run.checkpoints();
        if (all.isEmpty()) {
            throw new UserError(run.getPath() + ": has no checkpoint to resume from");
        }
        List<String> problems = new ArrayList<>();
        Path used = null;
        for (Path folder : all) {
            try {
                loader.load(folder);
                used = folder;
                break;
            } catch (IOException | UserError e) {
                problems.add(e.getMessage());
            }
        }
        if (used == null) {
            throw new UserError(run.getPath() + ": no checkpoint can be read (" + String.join("; ", problems)
                    + "); the run stays readable, but it cannot be resumed");
        }
        List<String> notes = new ArrayList<>();
        for (String p : problems) {
            notes.add("skipped a damaged checkpoint: " + p + "; resumed from " + used.getFileName());
        }
        boolean summaryDamaged = false;
        try {
            run.readSummary();
        } catch (UserError e) {
            notes.add(e.getMessage() + "; summary.json was written anew");
            summaryDamaged = true;
        }
        return new Resumed(used, notes, summaryDamaged);
    }

    /** Reads what a resume needs from the opened run (fixed noise, checkpoint) without changing it. */
    protected interface ResumeReader {
        Resumed read(RunDirectory opened);
    }

    /**
     * Opens the run to resume for writing (refused while another writer holds it) and lets reader load it. Only
     * when everything has been read does the folder change: leftovers removed, what was logged after the
     * checkpoint dropped, the resume recorded. A resume that fails releases the run and leaves it as it was.
     *
     * @param step the step (or batch) the reader resumed at
     * @param unit "step" or "batch", for the event
     */
    protected RunDirectory resumeRun(ResumeReader reader, java.util.function.LongSupplier step, String unit) {
        RunDirectory opened = RunDirectory.openForWriting(resumeDir);
        boolean resumed = false;
        try {
            Resumed r = reader.read(opened);
            long at = step.getAsLong();
            opened.removeLeftovers();
            opened.truncateAfter(at);
            recordResume(opened, r, at, unit);
            resumed = true;
            return opened;
        } finally {
            if (!resumed) {
                opened.close();
            }
        }
    }

    /**
     * Records a resume in the run folder once everything has been checked: a rebuilt summary if the old one was
     * damaged, config.json with what the resume changed (length, schedule span, device), and an event for each.
     */
    private void recordResume(RunDirectory run, Resumed resumed, long step, String unit) {
        if (resumed.summaryDamaged()) {
            run.writeSummary(new JsonObject());
        }
        RunConfig before = run.readConfig();
        List<String> changes = new ArrayList<>();
        for (String key : List.of("steps", "scheduleSteps", "cls.epochs", "sched.epochs", "device")) {
            if (!String.valueOf(before.get(key)).equals(String.valueOf(config.get(key)))) {
                changes.add(key + " " + before.get(key) + " -> " + config.get(key));
            }
        }
        if (!changes.isEmpty()) {
            run.rewriteConfig(config);
        }
        for (String note : resumed.notes()) {
            event(run, step, note);
        }
        event(run, step, "resumed from " + unit + " " + step + (changes.isEmpty() ? "" : " (" + String.join("; ",
                changes) + ")"));
    }

    /** The preset a run was made from, as its config.json records it. */
    protected static String presetOf(Path runDir) {
        JsonObject info = RunDirectory.open(runDir).readRunInfo();
        return info.has("preset") ? info.get("preset").getAsString() : "";
    }

    /** Adds a listener; add them before start(). */
    public void addListener(L l) {
        listeners.add(l);
    }

    public SessionControl control() {
        return control;
    }

    public RunConfig getConfig() {
        return config;
    }

    /** The run directory, once created. */
    public Path getRunDir() {
        return runDir;
    }

    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    /** Whether the run failed on its input before training began (the CLI's exit 2), not while training. */
    public boolean failedOnInput() {
        return "failed".equals(status) && badInput;
    }

    public synchronized void start() {
        thread = new Thread(this::run, threadName() + "-" + config.getString(ConfigSchema.NAME));
        thread.setDaemon(true);
        thread.start();
    }

    public void join() throws InterruptedException {
        thread.join();
    }

    /** Runs on the calling thread until done; returns the final status. */
    public String runHere() {
        run();
        return status;
    }

    protected abstract String threadName();

    /**
     * The training thread's whole life: build the trainer, create the run or resume it, train turn by turn as
     * the control allows, and record how it ended; whatever happens, the trainer and the run are released.
     */
    private void run() {
        status = "starting";
        RunDirectory run = null;
        Logs.RunLog runLog = null;
        try {
            Device device = Devices.resolve(config.getString(ConfigSchema.DEVICE));
            prepare(device);
            run = resumeDir == null ? createNew(device) : resumeRun(this::readCheckpoint, this::position, unit());
            runDir = run.getPath();
            runLog = Logs.forRun(runDir);
            LOG.info("{} {} at {} {} of {} on {}", resumeDir == null ? "started" : "resumed",
                    config.getString(ConfigSchema.NAME), unit(), position(), length(), Devices.describe(device));
            writeSummary(run, "running", "");
            status = "running";
            announce(run, device);
            train(run);
        } catch (UserError e) {
            badInput = "starting".equals(status);
            finish(run, "failed", e.getMessage());
        } catch (RunWriteException e) {
            finish(run, "failed", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(run, "stopped", "interrupted");
        } catch (RuntimeException | OutOfMemoryError e) {
            finish(run, "failed", unexpectedFailure(e, memoryAdvice(), runLog != null));
        } finally {
            release();
            if (run != null) {
                run.close();
            }
            if (runLog != null) {
                runLog.close();
            }
        }
    }

    /** Iterations until the run's length, taking the control's turns: stop, live edits, single steps. */
    private void train(RunDirectory run) throws InterruptedException {
        beforeLoop(run);
        while (position() < length()) {
            boolean wasPaused = control.isPaused();
            SessionControl.Turn turn = control.awaitTurn();
            if (turn == SessionControl.Turn.STOP) {
                end(run, "stopped", control.stopCause() + " at " + unit() + " " + position());
                return;
            }
            for (SessionControl.Edit edit : control.takeEdits()) {
                event(run, position(), applyEdit(edit.key(), edit.value()));
            }
            if (turn != SessionControl.Turn.ITERATION) {
                otherTurn(run, turn);
            } else if (!iterate(run, wasPaused && control.isPaused())) {
                return;
            }
        }
        end(run, "finished", "");
    }

    /** Loads the data and builds the trainer on the training thread (DJL objects stay on the thread that made them). */
    protected abstract void prepare(Device device);

    /** Creates the new run's folder and writes what it starts from. */
    protected abstract RunDirectory createNew(Device device);

    /** Loads the newest readable checkpoint of the opened run into the trainer (see {@link #loadNewestGood}). */
    protected abstract Resumed readCheckpoint(RunDirectory opened);

    /** The iterations trained so far (G iterations or batches); 0 before the trainer exists. */
    protected abstract long position();

    /** The iterations the run trains for. */
    protected abstract long length();

    /** What an iteration is called in events: "step" or "batch". */
    protected abstract String unit();

    /** The listeners hear that training begins. */
    protected abstract void announce(RunDirectory run, Device device);

    /** Before the first turn (a GAN's first frame). */
    protected void beforeLoop(RunDirectory run) {}

    /** Applies a live edit; returns the event's text. */
    protected abstract String applyEdit(String key, double value);

    /**
     * One iteration with what it logs and saves.
     *
     * @param single whether it is a single step taken while paused (it logs and shows everything)
     * @return false when the run ended on its own (early stopping)
     */
    protected abstract boolean iterate(RunDirectory run, boolean single) throws InterruptedException;

    /** A turn other than an iteration or a stop (a checkpoint or a critic iteration asked for while paused). */
    protected void otherTurn(RunDirectory run, SessionControl.Turn turn) {}

    /** Ends a run whose weights are healthy: a last checkpoint and the evaluation, then {@link #recordEnd}. */
    protected abstract void end(RunDirectory run, String status, String why);

    /** summary.json without an evaluation; must not touch the networks (they may hold NaNs). */
    protected abstract void writeSummary(RunDirectory run, String status, String why);

    /** What to lower when memory runs out. */
    protected abstract String memoryAdvice();

    /** Closes the trainer and anything else the thread opened. */
    protected abstract void release();

    /** Records the end without touching the networks again. */
    protected void finish(RunDirectory run, String st, String why) {
        recordEnd(run, position(), st, why, () -> writeSummary(run, st, why));
    }

    /** What every run records about where and with what it ran. */
    protected JsonObject baseRunInfo(Device device, String data) {
        JsonObject info = new JsonObject();
        info.addProperty("preset", preset == null ? "" : preset);
        info.addProperty("device", Devices.describe(device));
        info.addProperty("data", data);
        info.addProperty("created", java.time.OffsetDateTime.now().toString());
        info.addProperty("djl", Engine.getDjlVersion());
        info.addProperty("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        info.addProperty("java", System.getProperty("java.version"));
        return info;
    }

    /**
     * The summary's reason for an unexpected error, with the fix for running out of memory; the stack trace goes
     * to the logs (never for an OutOfMemoryError, whose trace says nothing useful), and the reason says where.
     *
     * @param shrink what to lower when memory runs out
     * @param inRunLog whether the run's run.log is attached (else only the session log has the trace)
     */
    static String unexpectedFailure(Throwable e, String shrink, boolean inRunLog) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (what.contains("out of memory") || e instanceof OutOfMemoryError) {
            LOG.error("out of memory: {}", what);
            return "training stopped: out of memory (" + what + "); lower batchSize or " + shrink;
        }
        LOG.error("training stopped by an unexpected error", e);
        String where = inRunLog ? Logs.RUN_LOG : Logs.sessionLog().map(Path::toString).orElse(null);
        return "training stopped: " + what + (where == null ? "" : " (the trace is in " + where + ")");
    }

    /** An event: into events.csv and to the listeners (a chart marker, a console line). */
    protected void event(RunDirectory run, long step, String text) {
        LOG.info("{} {}: {}", unit(), step, text);
        run.appendEvent(step, text);
        for (L l : listeners) {
            l.onEvent(step, text);
        }
    }

    /**
     * Records the end of a run: the status, the summary (written by writeSummary, which must not touch the
     * networks: they may hold NaNs), an event saying why, and then the listeners.
     */
    protected void recordEnd(RunDirectory run, long step, String st, String why, Runnable writeSummary) {
        status = st;
        reason = why;
        LOG.info("{} at {} {}{}", st, unit(), step, why.isEmpty() ? "" : ": " + why);
        try {
            if (run != null) {
                try {
                    writeSummary.run();
                    if (!why.isEmpty()) {
                        run.appendEvent(step, st + ": " + why);
                    }
                } catch (RunWriteException e) {
                    // The end must still be told (the CLI's exit code, the studio's banner) when the disk that
                    // failed during training fails again here; the checkpoints before it stay resumable.
                    status = "failed";
                    reason = why.isEmpty() || why.equals(e.getMessage()) ? e.getMessage()
                            : why + " (and " + e.getMessage() + ")";
                }
            }
            for (L l : listeners) {
                l.onFinished(status, reason);
            }
        } finally {
            ended.countDown();
        }
    }

    /**
     * Waits until the run's end is on disk (summary written, listeners told), as a process that is about to exit
     * must; returns false if that took longer than the timeout.
     */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    protected static DataOutputStream out(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p)));
    }

    protected static DataInputStream in(Path p) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(p)));
    }
}
