package ganstudio.sweep;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slurm says about a sweep's jobs (the ids from its slurm.json): per task, the latest job's state, such as
 * PENDING or RUNNING, and the report job's. A task's own folder ({@link TaskState}) stays the truth for done and
 * failed; this only adds "queued in Slurm, which job" and "running there" to it. Slurm forgets a job some minutes
 * after it ends (MinJobAge), so an old sweep simply has no entries.
 */
public final class SlurmQueue {

    /** States after which a job does nothing more (squeue's long names). */
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "REVOKED", "SPECIAL_EXIT");

    /** squeue's format: array job id, array index, job id (ID_INDEX), state, reason. */
    static final String SQUEUE_FORMAT = "%F|%K|%i|%T|%r";

    private static final Pattern FIELD = Pattern.compile("(?:^|\\s)(JobState|Reason|ExitCode)=(\\S*)");

    private SlurmQueue() {}

    /**
     * One Slurm job as squeue or scontrol shows it.
     *
     * @param id as Slurm writes it: "123_4" for task 4 of array 123, "124" for the report job
     * @param state PENDING, RUNNING, COMPLETED, FAILED, ...
     * @param reason why it waits (JobArrayTaskLimit, Dependency, BeginTime, Resources...), "None" when it does not
     * @param exitCode "code:signal" (scontrol only; "" from squeue)
     */
    public record Job(String id, String state, String reason, String exitCode) {

        /** Still queued or running (or on its way back to the queue): Slurm will run it. */
        public boolean isActive() {
            return !ENDED.contains(state);
        }

        /** "PENDING (JobArrayTaskLimit), job 123_4". */
        public String describe() {
            boolean why = reason != null && !reason.isEmpty() && !reason.equals("None");
            return state + (why ? " (" + reason + ")" : "") + ", job " + id;
        }
    }

    /**
     * @param tasks per task index, its latest Slurm job that Slurm still knows
     * @param report the latest report job, while Slurm knows it
     * @param notes why something could not be read (squeue missing, the controller unreachable); empty when fine
     */
    public record Snapshot(Map<Integer, Job> tasks, Optional<Job> report, List<String> notes) {

        public Snapshot {
            tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
            notes = List.copyOf(notes);
        }

        static Snapshot none(List<String> notes) {
            return new Snapshot(Map.of(), Optional.empty(), notes);
        }
    }

    /** The sweep's jobs as the Slurm of this shell's environment sees them. */
    public static Snapshot poll(SweepFolder sweep) {
        return poll(sweep, SlurmClient.fromEnvironment());
    }

    /** The sweep's jobs; never throws for Slurm's sake: a missing command or a dead controller is a note. */
    public static Snapshot poll(SweepFolder sweep, SlurmClient client) {
        return poll(sweep, client, true);
    }

    /** As {@link #poll(SweepFolder, SlurmClient)}; without the report job's state unless withReport. */
    static Snapshot poll(SweepFolder sweep, SlurmClient client, boolean withReport) {
        List<SlurmSubmission> subs;
        try {
            subs = SlurmSubmission.read(sweep.getPath());
        } catch (UserError e) {
            return Snapshot.none(List.of(e.getMessage()));
        }
        if (subs.isEmpty()) {
            return Snapshot.none(List.of());
        }
        Map<Integer, String> latest = new LinkedHashMap<>();
        for (SlurmSubmission s : subs) {
            s.tasks().forEach(i -> latest.put(i, s.arrayJob()));
        }
        List<String> notes = new ArrayList<>();
        Map<Integer, Job> tasks = Map.of();
        Set<String> arrays = new LinkedHashSet<>(latest.values());
        try {
            SlurmClient.Result r = client.run("squeue", List.of("-h", "-r", "-t", "all", "-j",
                    String.join(",", arrays), "-o", SQUEUE_FORMAT));
            if (r.code() == 0) {
                tasks = parseSqueue(r.out(), latest);
            } else if (!forgotten(r)) {
                notes.add("squeue: " + r.firstErrorLine() + "; Slurm's view of the tasks is not shown");
            }
        } catch (UserError e) {
            notes.add(e.getMessage());
        }
        Optional<Job> report = Optional.empty();
        String reportJob = subs.get(subs.size() - 1).reportJob();
        if (withReport && !reportJob.isEmpty() && notes.isEmpty()) {
            try {
                SlurmClient.Result r = client.run("scontrol", List.of("show", "job", "-o", reportJob));
                if (r.code() == 0) {
                    report = parseScontrol(reportJob, r.out());
                } else if (!forgotten(r)) {
                    notes.add("scontrol: " + r.firstErrorLine() + "; the report job's state is not shown");
                }
            } catch (UserError e) {
                notes.add(e.getMessage());
            }
        }
        return new Snapshot(tasks, report, notes);
    }

    /** Slurm's answer for ids it no longer holds (they ended more than MinJobAge ago): nothing to show. */
    private static boolean forgotten(SlurmClient.Result r) {
        return r.firstErrorLine().contains("Invalid job id");
    }

    /**
     * squeue's lines ({@link #SQUEUE_FORMAT}, one per array element) for the jobs that are each task's latest;
     * an element of an earlier array of a resubmitted task is left out.
     */
    static Map<Integer, Job> parseSqueue(String out, Map<Integer, String> latestArray) {
        Map<Integer, Job> m = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length != 5 || !f[1].matches("\\d+")) {
                continue;
            }
            int index = Integer.parseInt(f[1]);
            if (f[0].equals(latestArray.get(index))) {
                m.put(index, new Job(f[2], f[3], f[4], ""));
            }
        }
        return m;
    }

    /** {@code scontrol show job -o ID}'s one line: the job's state, reason and exit code. */
    static Optional<Job> parseScontrol(String id, String out) {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(out);
        while (m.find()) {
            f.putIfAbsent(m.group(1), m.group(2));
        }
        if (!f.containsKey("JobState")) {
            return Optional.empty();
        }
        return Optional.of(new Job(id, f.get("JobState"), f.getOrDefault("Reason", ""),
                f.getOrDefault("ExitCode", "")));
    }
}
