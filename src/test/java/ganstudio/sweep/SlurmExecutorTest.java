package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;
import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm executor without a cluster: the sbatch command lines and batch scripts it makes for given options, the
 * checks of its options, and a submission through stand-in sbatch and squeue programs that record their
 * arguments (what reaches Slurm, what lands in slurm.json, and that a task still in Slurm is not queued twice).
 */
class SlurmExecutorTest {

    @TempDir
    Path tmp;

    static SweepFolder sweep(Path parent, int seeds, String set) {
        String text = "{\"name\": \"tiny\", \"presets\": [\"ring8-gan\"], \"seeds\": " + seeds + ", \"set\": {" + set
                + "}}";
        SweepSpec spec = SweepSpec.parse(text, "tiny.json");
        JsonObject source = Json.parse(text, "tiny.json").getAsJsonObject();
        return SweepFolder.create(parent, SweepPlan.expand(spec, Presets.locate(), source));
    }

    private SweepFolder sweep(int seeds) {
        return sweep(tmp, seeds, "\"steps\": 60");
    }

    @Test
    void theArrayListHasRangesForRuns() {
        assertEquals("0-2,5,7-9", SlurmExecutor.arrayList(List.of(0, 1, 2, 5, 7, 8, 9)));
        assertEquals("4", SlurmExecutor.arrayList(List.of(4)));
        assertEquals("1-3", SlurmExecutor.arrayList(List.of(3, 1, 2, 2)));
        assertEquals("0,2,4", SlurmExecutor.arrayList(List.of(4, 2, 0)));
        assertEquals("5-6,1000", SlurmExecutor.arrayList(List.of(5, 6, 1000)));
    }

    @Test
    void theArrayAndTheReportJobCarryEveryOption() {
        SweepFolder s = sweep(8);
        Path dir = s.getPath().toAbsolutePath();
        SlurmExecutor e = SlurmExecutor.builder().optPartition("gpu").optTime("1-12:00:00").optMem("8g")
                .optCpusPerTask(4).optGpus(1).optMaxRunning(3).optExtraArgs(List.of("--qos=high", "--account=lab"))
                .build();
        assertEquals(List.of("--parsable", "--job-name=tiny", "--array=0-2,5,7%3", "--requeue", "--open-mode=append",
                "--output=" + dir.resolve("logs/task-%3a.log"), "--cpus-per-task=4", "--gres=gpu:1",
                "--partition=gpu", "--time=1-12:00:00", "--mem=8G", "--qos=high", "--account=lab",
                dir.resolve("slurm/task.sbatch").toString()), e.arrayArgs(s, List.of(0, 1, 2, 5, 7)));
        assertEquals(List.of("--parsable", "--job-name=tiny-report", "--dependency=afterany:4711",
                "--open-mode=append", "--output=" + dir.resolve("logs/report.log"), "--cpus-per-task=1",
                "--partition=gpu", "--time=1-12:00:00", "--mem=8G", "--qos=high", "--account=lab",
                dir.resolve("slurm/report.sbatch").toString()), e.reportArgs(s, "4711"));
        assertEquals("gpu", e.getDevice(), "a task given a GPU trains on it");
    }

    @Test
    void withoutOptionsATaskAsksForOneCpuAndTheArrayHasNoLimit() {
        SweepFolder s = sweep(4);
        Path dir = s.getPath().toAbsolutePath();
        SlurmExecutor e = SlurmExecutor.builder().build();
        assertEquals(List.of("--parsable", "--job-name=tiny", "--array=0-3", "--requeue", "--open-mode=append",
                "--output=" + dir.resolve("logs/task-%3a.log"), "--cpus-per-task=1",
                dir.resolve("slurm/task.sbatch").toString()), e.arrayArgs(s, List.of(0, 1, 2, 3)));
        assertEquals(null, e.getDevice());
    }

    @Test
    void theTaskScriptRunsTheElementsTaskWithItsCpusAsThreads() throws Exception {
        SweepFolder s = sweep(tmp.resolve("it's a \"folder\""), 2, "\"steps\": 60");
        SlurmExecutor e = SlurmExecutor.builder().optGpus(1).build();
        List<String> args = runScript(e.taskScript(s), "SLURM_ARRAY_TASK_ID=7 SLURM_CPUS_PER_TASK=3");
        assertEquals("MALLOC_ARENA_MAX=1", args.get(0), "set, so the JVM does not restart itself for it");
        assertEquals(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), args.get(1));
        assertEquals(List.of("ganstudio.Main", "sweep", "task", s.getPath().toAbsolutePath().toString(), "7",
                "--threads", "3", "--device", "gpu"), args.subList(args.indexOf("ganstudio.Main"), args.size()));
        for (String entry : args.get(args.indexOf("-cp") + 1).split(":")) {
            assertTrue(Paths.get(entry).isAbsolute(), "class path entry " + entry + " is absolute for another node");
        }

        List<String> report = runScript(e.reportScript(s), "");
        assertEquals(List.of("ganstudio.Main", "sweep", "report", s.getPath().toAbsolutePath().toString()),
                report.subList(report.indexOf("ganstudio.Main"), report.size()));
    }

    /** Runs a batch script with exec standing in: MALLOC_ARENA_MAX=..., then exec's arguments, one a line. */
    private List<String> runScript(String script, String env) throws Exception {
        Path file = tmp.resolve("script.sh");
        Files.writeString(file, script);
        Process p = new ProcessBuilder("bash", "-c", "exec() { echo \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\"; "
                + "printf '%s\\n' \"$@\"; }; " + env + " . " + SlurmExecutor.quote(file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void slurmTimeFormsAreAcceptedAndOthersNamedWithTheForms() {
        for (String ok : List.of("30", "0", "90:30", "1:30:00", "2-00", "2-12:30", "1-12:00:00", "UNLIMITED",
                "infinite")) {
            SlurmExecutor.checkTime(ok);
        }
        for (String bad : List.of("2h", "", "1:60:00", "1:30:60", "2-24", "1-1:2:3:4", "-5", "1.5", "1 day")) {
            UserError e = assertThrows(UserError.class, () -> SlurmExecutor.builder().optTime(bad), bad);
            assertEquals("--time " + bad + ": not a Slurm time limit; give minutes (90), H:MM:SS (1:30:00), "
                    + "D-HH (2-00), D-HH:MM:SS (1-12:00:00) or UNLIMITED", e.getMessage());
        }
    }

    @Test
    void memoryIsAWholeNumberWithAUnit() {
        for (String ok : List.of("4000", "500M", "8G", "8g", "1T", "0")) {
            SlurmExecutor.checkMem(ok);
        }
        for (String bad : List.of("8GB", "1.5G", "-1", "", "G", "8 G")) {
            UserError e = assertThrows(UserError.class, () -> SlurmExecutor.builder().optMem(bad), bad);
            assertEquals("--mem " + bad + ": not a Slurm memory size; give a whole number with K, M, G or T (8G, "
                    + "500M; a bare number is megabytes)", e.getMessage());
        }
    }

    @Test
    void contradictoryOrOwnedOptionsAreRefusedWithTheFix() {
        assertEquals("--gpus 1 with --device cpu: the tasks would not use their GPUs; leave --device out (they "
                + "train on the GPU) or drop --gpus", assertThrows(UserError.class,
                        () -> SlurmExecutor.builder().optGpus(1).optDevice("cpu").build()).getMessage());
        assertEquals("--sbatch-arg --array=0-9: the Slurm executor sets --array itself; use the sweep's own options "
                + "(--max-running, --cpus-per-task) instead", assertThrows(UserError.class,
                        () -> SlurmExecutor.builder().optExtraArgs(List.of("--array=0-9"))).getMessage());
        assertThrows(UserError.class, () -> SlurmExecutor.builder().optCpusPerTask(0));
        assertThrows(UserError.class, () -> SlurmExecutor.builder().optMaxRunning(-1));
        assertThrows(UserError.class, () -> SlurmExecutor.builder().optPartition("gpu long"));
        assertEquals("gpu:1", SlurmExecutor.builder().optGpus(2).optDevice("gpu:1").build().getDevice());
    }

    /** A folder of stand-in Slurm commands: each records its arguments one a line in NAME-N.args. */
    private Path fakeSlurm(String sbatchBody, String squeueOut) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        write(bin.resolve("sbatch"), "#!/bin/bash\nn=$(ls " + bin + "/sbatch-*.args 2>/dev/null | wc -l)\n"
                + "printf '%s\\n' \"$@\" > " + bin + "/sbatch-$n.args\n" + sbatchBody);
        if (squeueOut != null) {
            write(bin.resolve("squeue"), "#!/bin/bash\nprintf '%s\\n' \"$@\" > " + bin + "/squeue.args\n"
                    + "printf '" + squeueOut + "'\n");
        }
        return bin;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> args(Path bin, String name) throws IOException {
        return Files.readAllLines(bin.resolve(name));
    }

    @Test
    void submitsTheArrayThenTheReportAfterItAndRecordsBoth() throws Exception {
        Path bin = fakeSlurm("echo $((41 + n))\n", null);
        SweepFolder s = sweep(4);
        SlurmExecutor e = SlurmExecutor.builder().optMaxRunning(2)
                .optClient(SlurmClient.builder().optBinDir(bin).build()).build();
        Notes notes = new Notes();
        assertTrue(e.execute(s, s.getPlan().tasks(), notes));

        assertEquals(e.arrayArgs(s, List.of(0, 1, 2, 3)), args(bin, "sbatch-0.args"));
        assertEquals(e.reportArgs(s, "41"), args(bin, "sbatch-1.args"));
        assertTrue(Files.isExecutable(s.getPath().resolve("slurm/task.sbatch")));
        assertTrue(Files.isExecutable(s.getPath().resolve("slurm/report.sbatch")));
        List<SlurmSubmission> subs = SlurmSubmission.read(s.getPath());
        assertEquals(1, subs.size());
        assertEquals("41", subs.get(0).arrayJob());
        assertEquals("42", subs.get(0).reportJob());
        assertEquals(List.of(0, 1, 2, 3), subs.get(0).tasks());
        assertEquals(List.of("submitted task(s) 0-3 to Slurm as job array 41 (2 at once at most), the report as "
                + "job 42 after it; logs in " + s.getPath().resolve("logs") + ", `sweep status " + s.getPath()
                + "` follows them"), notes.notes);
    }

    @Test
    void aResubmissionSkipsTasksStillInSlurmAndIsAppended() throws Exception {
        // task 1's element of array 41 still runs; task 3's ended (a resume must queue it again)
        Path bin = fakeSlurm("echo $((41 + n))\n", "41|1|41_1|RUNNING|None\\n41|3|41_3|COMPLETED|None\\n");
        SweepFolder s = sweep(4);
        SlurmExecutor e = SlurmExecutor.builder().optClient(SlurmClient.builder().optBinDir(bin).build()).build();
        e.execute(s, s.getPlan().tasks(), new Notes());
        Notes notes = new Notes();
        e.execute(s, s.getPlan().tasks(), notes);

        assertEquals(List.of("-h", "-r", "-t", "all", "-j", "41", "-o", "%F|%K|%i|%T|%r"), args(bin, "squeue.args"));
        assertTrue(args(bin, "sbatch-2.args").contains("--array=0,2-3"), args(bin, "sbatch-2.args").toString());
        assertEquals("still in Slurm, not submitted again: task 1 (41_1, RUNNING)", notes.notes.get(0));
        List<SlurmSubmission> subs = SlurmSubmission.read(s.getPath());
        assertEquals(List.of("41", "43"), subs.stream().map(SlurmSubmission::arrayJob).toList());
        assertEquals(List.of(0, 2, 3), subs.get(1).tasks());
    }

    @Test
    void sbatchRefusingIsOneLineWithItsReasonAndNothingIsRecorded() throws Exception {
        Path bin = fakeSlurm("echo 'sbatch: error: Batch job submission failed: Invalid partition name specified' "
                + ">&2\nexit 1\n", null);
        SweepFolder s = sweep(2);
        SlurmExecutor e = SlurmExecutor.builder().optPartition("nope")
                .optClient(SlurmClient.builder().optBinDir(bin).build()).build();
        UserError err = assertThrows(UserError.class, () -> e.execute(s, s.getPlan().tasks(), new Notes()));
        assertEquals("sbatch refused the job array of tasks 0-1: sbatch: error: Batch job submission failed: Invalid "
                + "partition name specified; check the partition, time, memory and sbatch arguments given to the "
                + "sweep", err.getMessage());
        assertFalse(Files.exists(s.getPath().resolve(SlurmSubmission.FILE)));
    }

    @Test
    void noSbatchSaysWhereItWasLookedForAndWhatToDo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        SweepFolder s = sweep(1);
        SlurmExecutor e = SlurmExecutor.builder().optClient(SlurmClient.builder().optBinDir(empty).build()).build();
        assertEquals("sbatch not found in " + empty + "; run this where Slurm's commands are (a login node, or "
                + "after `module load slurm`), or use --executor local", assertThrows(UserError.class,
                        () -> e.execute(s, s.getPlan().tasks(), new Notes())).getMessage());
    }

    @Test
    void aSlurmConfThatIsNoFileIsNamedBeforeSlurmSpendsAMinuteOnIt() throws Exception {
        Path bin = fakeSlurm("echo 41\n", null);
        SweepFolder s = sweep(1);
        Path conf = tmp.resolve("gone.conf");
        SlurmExecutor e = SlurmExecutor.builder().optClient(SlurmClient.builder().optBinDir(bin).optConf(conf)
                .build()).build();
        assertEquals("SLURM_CONF=" + conf + " names no file; point it at the cluster's slurm.conf or unset it",
                assertThrows(UserError.class, () -> e.execute(s, s.getPlan().tasks(), new Notes())).getMessage());
    }

    /** Progress that keeps the notes. */
    static final class Notes implements TaskExecutor.Progress {
        final List<String> notes = new ArrayList<>();

        @Override
        public void started(SweepTask task, String where) {
            throw new AssertionError("the Slurm executor starts nothing itself");
        }

        @Override
        public void ended(SweepTask task, TaskState state) {
            throw new AssertionError("the Slurm executor waits for nothing");
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }
    }
}
