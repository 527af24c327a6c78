package ganstudio.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a task stands, read from its folder alone (so the CLI, the studio and a report on another machine all
 * see the same): its run's lock, summary and checkpoints.
 *
 * @param step the steps (GAN) or epochs (classifier) done so far, as last written; 0 when unknown
 * @param length the steps or epochs the task runs to
 */
public record TaskState(Kind kind, String detail, long step, long length) {

    /** The life of a task. A stopped or killed task resumes from its checkpoint; a failed one only reruns. */
    public enum Kind {
        QUEUED("queued"), RUNNING("running"), DONE("done"), STOPPED("stopped"), KILLED("killed"),
        FAILED("failed"), DIVERGED("diverged");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }

        /** Whether the task has ended for good this round: done, failed or diverged. */
        public boolean isFinal() {
            return this == DONE || this == FAILED || this == DIVERGED;
        }
    }

    /** The start of a run's reason when its sweep's time budget stopped it: the task is done, not resumable. */
    public static final String BUDGET_CAUSE = "stopped at the sweep's time budget";

    /** Reasons the trainers give for a loss or weight that stopped being a number. */
    private static final Pattern DIVERGED_REASON = Pattern.compile("NaN|not finite|infinite|diverg");

    public static TaskState of(Path taskDir, SweepTask task) {
        long length = task.isClassifier() ? task.config().getInt(ClassifierKeys.CLS_EPOCHS) : task.config()
                .getInt(ConfigSchema.STEPS);
        if (!Files.isDirectory(taskDir)) {
            Path failure = failureNote(taskDir);
            if (Files.isRegularFile(failure)) {
                String why;
                try {
                    why = Files.readString(failure, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    why = "could not start (" + failure + " unreadable: " + e.getMessage() + ")";
                }
                return new TaskState(Kind.FAILED, why, 0, length);
            }
            return new TaskState(Kind.QUEUED, "", 0, length);
        }
        if (!RunDirectory.isRun(taskDir)) {
            // created but not yet populated, or a start that died before config.json: the next start redoes it
            return new TaskState(RunDirectory.writer(taskDir).isPresent() ? Kind.RUNNING : Kind.KILLED,
                    "started, no run written yet", 0, length);
        }
        JsonObject summary;
        try {
            summary = RunDirectory.open(taskDir).readSummary();
        } catch (UserError e) {
            summary = new JsonObject();
        }
        long step = number(summary, "steps", number(summary, "epochs", 0));
        Optional<String> writer = RunDirectory.writer(taskDir);
        if (writer.isPresent()) {
            // summary.json holds the count from the start; metrics.csv's last row is where the run is now.
            return new TaskState(Kind.RUNNING, writer.get(), Math.max(step, lastLogged(taskDir)), length);
        }
        String status = text(summary, "status");
        String reason = text(summary, "reason");
        return switch (status) {
            case "finished" -> new TaskState(Kind.DONE, reason, step, length);
            case "failed" -> new TaskState(DIVERGED_REASON.matcher(reason).find() ? Kind.DIVERGED : Kind.FAILED,
                    reason, step, length);
            case "stopped" -> new TaskState(reason.startsWith(BUDGET_CAUSE) ? Kind.DONE : Kind.STOPPED, reason, step,
                    length);
            default -> new TaskState(Kind.KILLED, "ended without a final status (killed?)",
                    Math.max(step, lastLogged(taskDir)), length);
        };
    }

    /**
     * The first column of metrics.csv's last complete row: the step (GAN) or epoch (classifier) last logged; 0
     * when there is none. Reads only the file's end, so a status poll stays cheap on a long run.
     */
    static long lastLogged(Path taskDir) {
        Path file = taskDir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, 4096);
            byte[] tail = new byte[n];
            f.seek(length - n);
            f.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            // A row still being written has no newline yet; the first line of a cut window may be partial.
            String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
            for (int i = lines.length - 1; i >= (n == length ? 0 : 1); i--) {
                try {
                    return (long) Math.floor(Double.parseDouble(lines[i].split(",", 2)[0]));
                } catch (NumberFormatException e) {
                    // the header, or a damaged row: look further up
                }
            }
        } catch (IOException e) {
            // unreadable now (being replaced?): the summary's count stands
        }
        return 0;
    }

    /** A number field, or fallback when absent or not a number (a damaged summary is read as far as it goes). */
    private static long number(JsonObject o, String key, long fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                ? (long) Math.floor(e.getAsDouble()) : fallback;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    /**
     * Where a task that failed before its run folder existed (missing data, no GPU) says why: beside the folder,
     * so the task counts as failed, not queued, and a rerun removes it.
     */
    public static Path failureNote(Path taskDir) {
        return taskDir.resolveSibling(taskDir.getFileName() + ".failed.txt");
    }

    /** Whether the task's folder holds a checkpoint to resume from. */
    public static boolean hasCheckpoint(Path taskDir) {
        return RunDirectory.isRun(taskDir) && !RunDirectory.open(taskDir).checkpoints().isEmpty();
    }
}
