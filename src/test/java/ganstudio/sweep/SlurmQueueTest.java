package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Slurm's answers (lines as Slurm 22.05 prints them) and what poll does when Slurm cannot answer. */
class SlurmQueueTest {

    @TempDir
    Path tmp;

    @Test
    void squeueLinesGiveEachTaskItsLatestJob() {
        String out = """
                1|2|1_2|PENDING|JobArrayTaskLimit
                1|5|1_5|PENDING|JobArrayTaskLimit
                1|0|1_0|RUNNING|None
                1|1|1_1|COMPLETED|None
                7|1|7_1|PENDING|BeginTime
                2|N/A|2|PENDING|Dependency
                """;
        // task 1 was resubmitted in array 7: its element of array 1 is history
        Map<Integer, SlurmQueue.Job> m = SlurmQueue.parseSqueue(out, Map.of(0, "1", 1, "7", 2, "1", 5, "1"));
        assertEquals(List.of(0, 1, 2, 5), List.copyOf(m.keySet()));
        assertEquals(new SlurmQueue.Job("7_1", "PENDING", "BeginTime", ""), m.get(1));
        assertEquals("PENDING (JobArrayTaskLimit), job 1_2", m.get(2).describe());
        assertEquals("RUNNING, job 1_0", m.get(0).describe());
        assertTrue(m.get(0).isActive());
        assertTrue(m.get(1).isActive());
    }

    @Test
    void scontrolGivesTheReportJobsStateAndExitCode() {
        String line = "JobId=2 JobName=wrap UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901758 Nice=0 "
                + "Account=(null) QOS=(null) JobState=COMPLETED Reason=None Dependency=(null) Requeue=1 Restarts=0 "
                + "BatchFlag=1 Reboot=0 ExitCode=0:0 DerivedExitCode=1:0 RunTime=00:00:03 TimeLimit=UNLIMITED";
        assertEquals(Optional.of(new SlurmQueue.Job("2", "COMPLETED", "None", "0:0")),
                SlurmQueue.parseScontrol("2", line));
        assertFalse(SlurmQueue.parseScontrol("2", line).get().isActive());
        assertEquals(Optional.empty(), SlurmQueue.parseScontrol("2", "slurm_load_jobs error: Invalid job id"));
    }

    @Test
    void withoutSlurmThePollIsEmptyWithANoteNeverAnException() throws Exception {
        SweepFolder s = SlurmExecutorTest.sweep(tmp, 2, "\"steps\": 60");
        assertEquals(SlurmQueue.Snapshot.none(List.of()), SlurmQueue.poll(s), "a sweep never sent to Slurm");
        new SlurmSubmission("2026-12-06T00:00:00Z", "41", "42", List.of(0, 1), List.of()).appendTo(s.getPath());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        SlurmQueue.Snapshot none = SlurmQueue.poll(s, SlurmClient.builder().optBinDir(empty).build());
        assertEquals(Map.of(), none.tasks());
        assertEquals(List.of("squeue not found in " + empty + "; run this where Slurm's commands are (a login node, "
                + "or after `module load slurm`), or use --executor local"), none.notes());

        // the controller down: squeue's own message, one line
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path squeue = bin.resolve("squeue");
        Files.writeString(squeue, "#!/bin/bash\necho 'slurm_load_jobs error: Unable to contact slurm controller "
                + "(connect failure)' >&2\nexit 1\n");
        Files.setPosixFilePermissions(squeue, PosixFilePermissions.fromString("rwxr-xr-x"));
        SlurmQueue.Snapshot down = SlurmQueue.poll(s, SlurmClient.builder().optBinDir(bin).build());
        assertEquals(List.of("squeue: slurm_load_jobs error: Unable to contact slurm controller (connect failure); "
                + "Slurm's view of the tasks is not shown"), down.notes());
        assertEquals(Optional.empty(), down.report());
    }
}
