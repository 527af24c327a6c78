package ganstudio.runs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.FolderNames;
import ganstudio.config.Json;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.media.Frame;
import ganstudio.media.PngReader;
import ganstudio.media.PngWriter;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.metrics.EvaluationScores;
import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;
import ganstudio.config.ConfigSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run on disk: the contract between engine, CLI, studio and video. Every file is either appended and
 * flushed as it goes (metrics.csv, events.csv) or written to a temporary name and renamed, so a reader (or a
 * crash) never meets half a file.
 *
 * <pre>
 * config.json   resolved config plus "run": preset, versions, device, data
 * metrics.csv   one row per logged step
 * events.csv    live edits and other events, by step
 * samples/step-000000100.png
 * samples/modes.csv  2D data with modes: each saved frame's mode coverage (step,captured,modes,high_quality)
 * fixed-noise.bin
 * checkpoints/step-000001000/{generator.params, critic.params, state.bin}, checkpoints/latest
 * summary.json  status (running, finished, stopped, failed), reason, final metrics, evaluation
 * train.lock    while a process writes the run: its pid, host and start (see {@link RunLock})
 * </pre>
 *
 * <p>One writer at a time: {@link #create} and {@link #openForWriting} hold the run's lock until {@link #close()};
 * {@link #open} is for readers, any number of them, also while the run is being trained.
 */
public final class RunDirectory implements AutoCloseable {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String EVENTS = "events.csv";
    public static final String SUMMARY = "summary.json";
    public static final String FIXED_NOISE = "fixed-noise.bin";
    public static final String SAMPLES = "samples";
    public static final String MODES = "modes.csv";
    public static final String CHECKPOINTS = "checkpoints";
    private static final int KEEP_CHECKPOINTS = 3;

    /** The lock file of a run being written: pid, host, start time; empty (or absent) when none is. */
    public static final String LOCK = RunLock.FILE;

    private final Path dir;
    private BufferedWriter metrics;
    private volatile RunLock lock; // held while this process writes the run (create, openForWriting); null for readers

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run directory <parent>/<name>-<timestamp> (-2, -3... when taken) with config.json and empty
     * logs, and holds its lock until {@link #close()}. The folder is made with one atomic create that fails when
     * the name exists, so two runs started in the same second never share a folder.
     */
    public static RunDirectory create(Path parent, RunConfig config, JsonObject runInfo) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        String base = FolderNames.of(config.getString(ConfigSchema.NAME), "name") + "-" + stamp;
        return populate(newFolder(parent, base), config, runInfo);
    }

    /**
     * Creates a new run directory at exactly this path (a sweep's task folder, named by the sweep's plan); an
     * existing folder is refused, so two starts of one task never write one folder.
     */
    public static RunDirectory createAt(Path dir, RunConfig config, JsonObject runInfo) {
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(dir + ": already exists; resume it (train --resume) or remove it");
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the run directory (" + e.getMessage() + ")");
        }
        return populate(dir, config, runInfo);
    }

    private static RunDirectory populate(Path dir, RunConfig config, JsonObject runInfo) {
        RunDirectory run = new RunDirectory(dir);
        run.lock = RunLock.acquire(dir, "train"); // a new folder: nobody else can hold it yet
        try {
            Files.createDirectories(dir.resolve(SAMPLES));
            Files.createDirectories(dir.resolve(CHECKPOINTS));
            boolean classifier = "classifier".equals(config.getString(ConfigSchema.TASK));
            run.writeText(METRICS, String.join(",", classifier ? ClassifierMetrics.COLUMNS : StepMetrics.COLUMNS)
                    + "\n");
            run.writeText(EVENTS, "step,event\n");
            // config.json last: it makes the folder a run (isRun, list), so a reader that finds it finds the logs
            JsonObject json = config.toJsonObject();
            json.add(RunConfig.RUN_INFO_KEY, runInfo);
            run.writeJsonAtomically(CONFIG, json);
        } catch (IOException e) {
            run.close();
            throw new UserError(dir + ": cannot create the run directory (" + e.getMessage() + "); set --out to a "
                    + "writable folder");
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** A second writer refused: the run is being written (trained) by another process or session. */
    public static final class BeingWritten extends UserError {
        private static final long serialVersionUID = 1L;
        private final String who;

        BeingWritten(Path dir, String who) {
            super(dir + ": is " + who + "; stop it first, or open it read-only in the studio");
            this.who = who;
        }

        /** "being trained by pid 1234 on host h (since 2026-01-01T12:00+01:00)". */
        public String who() {
            return who;
        }
    }

    /** parent/base, or base-2, base-3... when taken: created atomically, so no two callers get the same one. */
    public static Path newFolder(Path parent, String base) {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UserError(parent + ": cannot create the runs folder (" + e.getMessage() + "); set --out to a "
                    + "writable folder");
        }
        for (int i = 1; ; i++) {
            Path dir = parent.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken (perhaps a moment ago by another run): try the next suffix
            } catch (IOException e) {
                throw new UserError(dir + ": cannot create the run directory (" + e.getMessage() + "); set --out to "
                        + "a writable folder");
            }
        }
    }

    /**
     * Opens an existing run for reading: the studio, eval of a checkpoint and video read runs while they are being
     * trained. Anything that writes into a run uses {@link #openForWriting(Path)}.
     */
    public static RunDirectory open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new UserError(dir + ": not a run directory (no " + CONFIG + ")");
        }
        return new RunDirectory(dir);
    }

    /**
     * Opens an existing run to train it further (a resume), holding its lock until {@link #close()}. A run that
     * another process, or another session of this one, is writing is refused with a {@link UserError} that names
     * the writer's pid, host and start. A stale lock (its writer was killed) is taken over: an event in
     * events.csv and a line on stderr say so.
     */
    public static RunDirectory openForWriting(Path dir) {
        return openForWriting(dir, "train");
    }

    /** {@link #openForWriting(Path)} for a given purpose ("train", "eval"), which the refusal of others names. */
    public static RunDirectory openForWriting(Path dir, String purpose) {
        RunDirectory run = open(dir);
        run.lock = RunLock.acquire(dir, purpose);
        RunLock.Owner stale = run.lock.previous();
        if (stale != null) {
            String text = "took over the stale lock of pid " + stale.pid() + " on host " + stale.host() + " (since "
                    + stale.since() + "): that process is gone (killed or crashed)";
            System.err.println("warning: " + dir + ": " + text);
            try {
                run.appendEvent(run.latestCheckpointStep(), text);
            } catch (RuntimeException e) {
                run.close();
                throw e;
            }
        }
        return run;
    }

    /**
     * Who is writing a run now, e.g. "being trained by pid 1234 on host h (since 2026-01-01T12:00+01:00)"; empty
     * when nobody is. A check for readers: it takes nothing, and the answer may change the next moment.
     */
    public static Optional<String> writer(Path dir) {
        return RunLock.writer(dir).map(RunLock.Owner::describe);
    }

    /** Refuses (with the message a second writer gets) when a run is being written; a cheap early check. */
    public static void requireNoWriter(Path dir) {
        Optional<String> who = writer(dir);
        if (who.isPresent()) {
            throw new BeingWritten(dir, who.get());
        }
    }

    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    public Path getPath() {
        return dir;
    }

    public String getName() {
        return dir.getFileName().toString();
    }

    public RunConfig readConfig() {
        return RunConfig.fromJson(readText(CONFIG), dir.resolve(CONFIG).toString());
    }

    /** Writes config.json anew with a changed config (a resume's new length or device), keeping its run info. */
    public void rewriteConfig(RunConfig config) {
        JsonObject info = readRunInfo();
        JsonObject json = config.toJsonObject();
        json.add(RunConfig.RUN_INFO_KEY, info);
        writeJsonAtomically(CONFIG, json);
    }

    public JsonObject readRunInfo() {
        JsonObject root = readJson(CONFIG);
        if (!root.has(RunConfig.RUN_INFO_KEY)) {
            return new JsonObject();
        }
        if (!root.get(RunConfig.RUN_INFO_KEY).isJsonObject()) {
            throw new UserError(dir.resolve(CONFIG) + ": \"" + RunConfig.RUN_INFO_KEY + "\" must be a JSON object");
        }
        return root.getAsJsonObject(RunConfig.RUN_INFO_KEY);
    }

    /** Appends one metrics row and flushes it, so a reader sees every row as soon as it is logged. */
    public void appendMetrics(StepMetrics m) {
        appendMetricsRow(m.toCsvRow());
    }

    /** Appends one row of a classifier run, flushed at once. */
    public void appendMetrics(ClassifierMetrics m) {
        appendMetricsRow(m.toCsvRow());
    }

    private synchronized void appendMetricsRow(String row) {
        try {
            if (metrics == null) {
                metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            }
            metrics.write(row);
            metrics.write('\n');
            metrics.flush();
        } catch (IOException e) {
            throw new RunWriteException(dir.resolve(METRICS), e);
        }
    }

    /** All metrics rows of a GAN run, skipping a last line that is still being written. */
    public List<StepMetrics> readMetrics() {
        return readRows(StepMetrics.COLUMNS.size()).stream().map(StepMetrics::fromValues).toList();
    }

    /** All metrics rows of a classifier run (none for a GAN run). */
    public List<ClassifierMetrics> readClassifierMetrics() {
        return readRows(ClassifierMetrics.COLUMNS.size()).stream().map(ClassifierMetrics::fromValues).toList();
    }

    private List<double[]> readRows(int columns) {
        List<double[]> rows = new ArrayList<>();
        Path file = dir.resolve(METRICS);
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != columns) {
                continue;
            }
            double[] v = new double[cells.length];
            try {
                for (int j = 0; j < cells.length; j++) {
                    v[j] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
                }
            } catch (NumberFormatException e) {
                continue;
            }
            rows.add(v);
        }
        return rows;
    }

    /**
     * Drops what was logged after a step, which a resume from that step's checkpoint logs again: metrics rows (of
     * the run's kind) and the saved frames' mode rows.
     */
    public synchronized void truncateAfter(long step) {
        if ("classifier".equals(readConfig().getString(ConfigSchema.TASK))) {
            truncateClassifierMetricsAfter(step);
        } else {
            truncateMetricsAfter(step);
            truncateModesAfter(step);
        }
    }

    private void truncateMetricsAfter(long step) {
        closeMetrics();
        StringBuilder sb = new StringBuilder(String.join(",", StepMetrics.COLUMNS)).append('\n');
        for (StepMetrics m : readMetrics()) {
            if (m.step() <= step) {
                sb.append(m.toCsvRow()).append('\n');
            }
        }
        writeText(METRICS, sb.toString());
    }

    private void truncateModesAfter(long step) {
        Path file = dir.resolve(SAMPLES).resolve(MODES);
        if (!Files.isRegularFile(file)) {
            return;
        }
        StringBuilder sb = new StringBuilder("step,modes_captured,modes,high_quality\n");
        for (ModeReadout m : readModes().values()) {
            if (m.step() <= step) {
                sb.append(modesRow(m));
            }
        }
        writeText(SAMPLES + "/" + MODES, sb.toString());
    }

    private void truncateClassifierMetricsAfter(long step) {
        closeMetrics();
        StringBuilder sb = new StringBuilder(String.join(",", ClassifierMetrics.COLUMNS)).append('\n');
        for (ClassifierMetrics m : readClassifierMetrics()) {
            if (m.step() <= step) {
                sb.append(m.toCsvRow()).append('\n');
            }
        }
        writeText(METRICS, sb.toString());
    }

    public synchronized void appendEvent(long step, String text) {
        try {
            Files.writeString(dir.resolve(EVENTS), step + "," + text.replace(',', ';').replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RunWriteException(dir.resolve(EVENTS), e);
        }
    }

    /** One line of events.csv. */
    public record Event(long step, String text) {}

    /** The run's events (live edits, resumes, checkpoints, failures) in the order they happened. */
    public List<Event> readEvents() {
        List<Event> events = new ArrayList<>();
        Path file = dir.resolve(EVENTS);
        if (!Files.exists(file)) {
            return events;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                int comma = lines.get(i).indexOf(',');
                if (comma > 0) {
                    try {
                        events.add(new Event(Long.parseLong(lines.get(i).substring(0, comma)),
                                lines.get(i).substring(comma + 1)));
                    } catch (NumberFormatException e) {
                        // a line still being written
                    }
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        return events;
    }

    public Path framePath(long step) {
        return framePath(dir, step);
    }

    /** The saved frame of a step in a run directory (for views that hold only its path). */
    public static Path framePath(Path runDir, long step) {
        return runDir.resolve(SAMPLES).resolve(String.format(Locale.ROOT, "step-%09d.png", step));
    }

    public void writeFrame(Frame frame) {
        try {
            PngWriter.write(frame, framePath(frame.step()));
        } catch (IOException e) {
            throw new RunWriteException(framePath(frame.step()), e);
        }
        ModeReadout modes = ModeReadout.of(frame);
        if (modes != null) {
            appendModes(modes);
        }
    }

    /** A saved frame's pixels, for views that cut cells out of it. */
    public Frame readFrame(long step) {
        try {
            return PngReader.read(step, framePath(step));
        } catch (IOException e) {
            throw new UserError(framePath(step) + ": cannot read (" + e.getMessage() + ")");
        }
    }

    // The PNG keeps only pixels; this keeps the score of the points so an opened run shows it too.
    private synchronized void appendModes(ModeReadout m) {
        Path file = dir.resolve(SAMPLES).resolve(MODES);
        String row = modesRow(m);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "step,modes_captured,modes,high_quality\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RunWriteException(file, e);
        }
    }

    private static String modesRow(ModeReadout m) {
        return String.format(Locale.ROOT, "%d,%d,%d,%s%n", m.step(), m.captured(), m.modes(), m.highQuality());
    }

    /** The saved frames' mode coverage by step (2D data with modes), empty for runs that have none. */
    public Map<Long, ModeReadout> readModes() {
        Map<Long, ModeReadout> byStep = new TreeMap<>();
        Path file = dir.resolve(SAMPLES).resolve(MODES);
        if (!Files.isRegularFile(file)) {
            return byStep;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(",");
                try {
                    ModeReadout m = new ModeReadout(Long.parseLong(f[0]), Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]), Double.parseDouble(f[3]));
                    byStep.put(m.step(), m);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    // the header, or a line still being written
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        return byStep;
    }

    /** Steps with a saved frame, ascending. */
    public List<Long> frameSteps() {
        List<Long> steps = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(SAMPLES))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("step-\\d+\\.png"))
                    .map(n -> Long.parseLong(n.substring(5, n.length() - 4)))
                    .sorted()
                    .forEach(steps::add);
        } catch (IOException e) {
            return steps;
        }
        return steps;
    }

    /**
     * The newest of the given frame steps (ascending, as {@link #frameSteps()} lists them) at or before step, or
     * null when every frame is later: what a side-by-side view or video shows of a run at that step.
     */
    public static Long frameAtOrBefore(List<Long> frameSteps, long step) {
        int i = Collections.binarySearch(frameSteps, step);
        int at = i >= 0 ? i : -i - 2; // -(insertion point) - 1, minus one more: the last one below
        return at < 0 ? null : frameSteps.get(at);
    }

    /** A writer of the files of one checkpoint. */
    public interface CheckpointContent {
        void write(Path folder) throws IOException;
    }

    /** Where the checkpoint of a step is, or would be: checkpoints/step-000001000. */
    public Path checkpointPath(long step) {
        return dir.resolve(CHECKPOINTS).resolve(String.format(Locale.ROOT, "step-%09d", step));
    }

    /**
     * Writes a checkpoint into a temporary folder, fsyncs it, renames it into place, then points checkpoints/latest
     * at it; older checkpoints beyond the last few are removed only after that. If anything fails (a full disk), the
     * temporary folder is removed and the checkpoints before it stay as they were.
     */
    public synchronized Path writeCheckpoint(long step, CheckpointContent content) {
        Path root = dir.resolve(CHECKPOINTS);
        Path target = checkpointPath(step);
        Path tmp = root.resolve(".tmp-" + target.getFileName());
        Path latestTmp = root.resolve(".latest.tmp");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            content.write(tmp);
            CheckpointIo.syncFolder(tmp);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            CheckpointIo.writeSynced(latestTmp, (target.getFileName().toString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            Files.move(latestTmp, root.resolve("latest"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            CheckpointIo.syncFolder(root);
            pruneCheckpoints(root);
        } catch (IOException e) {
            try {
                deleteTree(tmp);
                Files.deleteIfExists(latestTmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new RunWriteException(target, e);
        }
        return target;
    }

    /**
     * The checkpoints to resume from, best first: the one checkpoints/latest names, then the others newest first
     * (a damaged latest falls back to the one before it). Leftover temporary folders of an interrupted write are
     * not checkpoints.
     */
    public List<Path> checkpoints() {
        Path root = dir.resolve(CHECKPOINTS);
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().matches("step-\\d+") && Files.isDirectory(p))
                    .sorted(Comparator.reverseOrder()).forEach(all::add);
        } catch (IOException e) {
            return all;
        }
        Optional<Path> named = latestNamed(root);
        if (named.isPresent() && all.remove(named.get())) {
            all.add(0, named.get());
        }
        return all;
    }

    /** Removes what an interrupted checkpoint or file write left behind (temporary folders and files). */
    public synchronized void removeLeftovers() {
        Path root = dir.resolve(CHECKPOINTS);
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".")).toList()) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new RunWriteException(root, e);
        }
    }

    /** Replaces the folder {@code name} (e.g. best/) atomically with what {@code content} writes. */
    public synchronized Path writeFolder(String name, CheckpointContent content) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(".tmp-" + name);
        Path old = dir.resolve(".old-" + name);
        try {
            deleteTree(tmp);
            deleteTree(old);
            Files.createDirectories(tmp);
            content.write(tmp);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new RunWriteException(target, e);
        }
        return target;
    }

    private void pruneCheckpoints(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(root)) {
            all = s.filter(p -> p.getFileName().toString().matches("step-\\d+")).sorted().toList();
        }
        for (int i = 0; i < all.size() - KEEP_CHECKPOINTS; i++) {
            deleteTree(all.get(i));
        }
    }

    private long latestCheckpointStep() {
        return latestCheckpoint().map(p -> {
            String n = p.getFileName().toString();
            try {
                return Long.parseLong(n.substring(n.indexOf('-') + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    public Optional<Path> latestCheckpoint() {
        List<Path> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static Optional<Path> latestNamed(Path root) {
        try {
            Path latest = root.resolve("latest");
            if (Files.isRegularFile(latest)) {
                Path p = root.resolve(Files.readString(latest, StandardCharsets.UTF_8).trim()).normalize();
                if (p.getParent() != null && p.getParent().equals(root.normalize()) && Files.isDirectory(p)) {
                    return Optional.of(p);
                }
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // a damaged pointer: the listing decides
        }
        return Optional.empty();
    }

    public void writeFixedNoise(byte[] data) {
        writeBytes(FIXED_NOISE, data);
    }

    public byte[] readFixedNoise() {
        Path file = dir.resolve(FIXED_NOISE);
        try {
            // The largest bank the config allows is far below this; a bigger file is not one.
            if (Files.size(file) > 256L << 20) {
                throw new UserError(file + ": " + Files.size(file) + " bytes, larger than any noise bank");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(dir.resolve(FIXED_NOISE) + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public JsonObject readSummary() {
        return Files.exists(dir.resolve(SUMMARY)) ? readJson(SUMMARY) : new JsonObject();
    }

    /** The final evaluation of a GAN run (summary.json's "eval"), or empty before one was written. */
    public Optional<EvaluationScores> readEvaluation() {
        return EvaluationScores.ofSummary(readSummary());
    }

    /** Writes summary.json; one with a final status (not "running") marks the run's lock as ended. */
    public void writeSummary(JsonObject summary) {
        writeJsonAtomically(SUMMARY, summary);
        RunLock l = lock;
        if (l != null && summary.has("status") && !"running".equals(summary.get("status").getAsString())) {
            l.markEnded();
        }
    }

    private JsonObject readJson(String name) {
        JsonElement e = Json.parse(readText(name), dir.resolve(name).toString());
        if (!e.isJsonObject()) {
            throw new UserError(dir.resolve(name) + ": expected a JSON object");
        }
        return e.getAsJsonObject();
    }

    private String readText(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(dir.resolve(name) + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private void writeJsonAtomically(String name, JsonObject json) {
        writeText(name, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(json) + "\n");
    }

    private void writeText(String name, String text) {
        writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes to a temporary name, then renames, so a reader never sees half a file. */
    private void writeBytes(String name, byte[] data) {
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new RunWriteException(dir.resolve(name), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private synchronized void closeMetrics() {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException e) {
                // the rows were flushed as they were written
            }
            metrics = null;
        }
    }

    /** Closes the metrics file and, for a run opened for writing, releases its lock. */
    @Override
    public void close() {
        closeMetrics();
        RunLock l;
        synchronized (this) {
            l = lock;
            lock = null;
        }
        if (l != null) {
            l.close();
        }
    }

    /** Run directories under a folder, newest first. */
    public static List<Path> list(Path runsRoot) {
        if (!Files.isDirectory(runsRoot)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runsRoot)) {
            return s.filter(RunDirectory::isRun)
                    .sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
