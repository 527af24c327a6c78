package ganstudio.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One submission of a sweep's tasks to Slurm, as slurm.json in the sweep's folder keeps it: a sweep and each
 * {@code sweep --resume} add one, so the job ids of every task's latest job can be found again from the folder
 * alone (by {@code sweep status} or the studio, on any machine that shares it).
 *
 * @param submitted when (ISO-8601 instant)
 * @param arrayJob the job array's id; the element for task i is {@code arrayJob_i}
 * @param reportJob the id of the job that writes the report after the array, or "" when its submission failed
 * @param tasks the task indices in the array, ascending
 * @param sbatch the options the array was submitted with
 */
public record SlurmSubmission(String submitted, String arrayJob, String reportJob, List<Integer> tasks,
        List<String> sbatch) {

    public static final String FILE = "slurm.json";
    private static final int FORMAT = 1;

    public SlurmSubmission {
        tasks = List.copyOf(tasks);
        sbatch = List.copyOf(sbatch);
    }

    /** Every submission of the sweep in dir, oldest first; none when it never went to Slurm. */
    public static List<SlurmSubmission> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonObject o = Json.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString())
                    .getAsJsonObject();
            List<SlurmSubmission> out = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("submissions")) {
                JsonObject j = e.getAsJsonObject();
                List<Integer> tasks = new ArrayList<>();
                j.getAsJsonArray("tasks").forEach(t -> tasks.add(t.getAsInt()));
                List<String> sbatch = new ArrayList<>();
                j.getAsJsonArray("sbatch").forEach(t -> sbatch.add(t.getAsString()));
                out.add(new SlurmSubmission(j.get("submitted").getAsString(), j.get("arrayJob").getAsString(),
                        j.get("reportJob").getAsString(), tasks, sbatch));
            }
            return out;
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a list of Slurm submissions this version reads (" + e.getMessage()
                    + "); move it aside to submit afresh");
        }
    }

    /** Adds this submission to dir's slurm.json, replacing the file atomically (a reader never sees half). */
    public void appendTo(Path dir) {
        List<SlurmSubmission> all = new ArrayList<>(read(dir));
        all.add(this);
        JsonArray subs = new JsonArray();
        for (SlurmSubmission s : all) {
            subs.add(s.toJson());
        }
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.add("submissions", subs);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(o), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError(dir.resolve(FILE) + ": cannot write the Slurm job ids (" + e.getMessage()
                    + "); the jobs are queued as " + arrayJob + (reportJob.isEmpty() ? "" : " and " + reportJob));
        }
    }

    private JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("submitted", submitted);
        j.addProperty("arrayJob", arrayJob);
        j.addProperty("reportJob", reportJob);
        JsonArray t = new JsonArray();
        tasks.forEach(t::add);
        j.add("tasks", t);
        JsonArray s = new JsonArray();
        sbatch.forEach(s::add);
        j.add("sbatch", s);
        return j;
    }
}
