package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.RunConfig;
import ganstudio.runs.CheckpointIo;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ResumeRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a run whose files were damaged (a power loss, a full disk, a hand edit): a damaged latest checkpoint
 * falls back to the one before it, a damaged summary is written anew, and when nothing can be resumed the folder
 * is left exactly as it was. Checkpoint state is never allocated from a length the file cannot hold.
 */
class ResumeDamageTest {

    @TempDir
    Path tmp;

    private Path trainedRun() {
        RunConfig c = GanTrainerTest.small("wgan-gp").withValue("steps", 30).withValue("log.every", 1)
                .withValue("log.checkpointEvery", 10).withValue("threads", 1).withValue("eval.samples", 100)
                .withValue("name", "dmg");
        GanSession s = GanSession.create(c, tmp.resolve("runs"), "test");
        assertEquals("finished", s.runHere(), s.getReason());
        return s.getRunDir();
    }

    @Test
    void emptyFilesInTheLatestCheckpointFallBackToThePreviousOne() throws Exception {
        Path run = trainedRun();
        byte[] finalWeights = Files.readAllBytes(run.resolve("checkpoints/step-000000030/generator.params"));
        // A power loss after the rename but before the data reached the disk leaves empty files.
        for (String f : List.of("generator.params", "critic.params", "state.bin")) {
            Files.write(run.resolve("checkpoints/step-000000030").resolve(f), new byte[0]);
        }
        GanSession resumed = GanSession.resume(run);
        assertEquals("finished", resumed.runHere(), resumed.getReason());
        List<RunDirectory.Event> events = RunDirectory.open(run).readEvents();
        assertTrue(events.stream().anyMatch(e -> e.step() == 20 && e.text().startsWith("skipped a damaged "
                + "checkpoint: " + run.resolve("checkpoints/step-000000030/state.bin") + ": empty")), events.toString());
        assertTrue(events.contains(new RunDirectory.Event(20, "resumed from step 20")), events.toString());
        // From step 20 the run redoes steps 21-30 exactly, so it ends with the same weights.
        assertArrayEquals(finalWeights, Files.readAllBytes(run.resolve("checkpoints/step-000000030/generator.params")));
        assertEquals(30, RunDirectory.open(run).readMetrics().size());
    }

    @Test
    void aCorruptSummaryIsWrittenAnewAndTheRunResumes() throws Exception {
        Path run = trainedRun();
        Files.writeString(run.resolve(RunDirectory.SUMMARY), "{\"status\": ");
        GanSession resumed = GanSession.resume(run, new ResumeRequest(35, false, null));
        assertEquals("finished", resumed.runHere(), resumed.getReason());
        assertEquals(35, RunDirectory.open(run).readSummary().get("steps").getAsInt());
        assertTrue(RunDirectory.open(run).readEvents().stream()
                .anyMatch(e -> e.text().contains("summary.json was written anew")));
    }

    @Test
    void whenNoCheckpointCanBeReadTheFolderIsLeftAsItWas() throws Exception {
        Path run = trainedRun();
        for (Path ckpt : RunDirectory.open(run).checkpoints()) {
            Files.write(ckpt.resolve("state.bin"), new byte[] {1, 2, 3});
        }
        Files.createDirectories(run.resolve("checkpoints/.tmp-step-000000040"));
        byte[] metrics = Files.readAllBytes(run.resolve(RunDirectory.METRICS));
        byte[] summary = Files.readAllBytes(run.resolve(RunDirectory.SUMMARY));
        byte[] events = Files.readAllBytes(run.resolve(RunDirectory.EVENTS));
        GanSession resumed = GanSession.resume(run);
        assertEquals("failed", resumed.runHere());
        assertTrue(resumed.failedOnInput());
        assertTrue(resumed.getReason().startsWith(run + ": no checkpoint can be read ("), resumed.getReason());
        assertTrue(resumed.getReason().contains("step-000000030/state.bin"), resumed.getReason());
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve(RunDirectory.METRICS)));
        assertArrayEquals(summary, Files.readAllBytes(run.resolve(RunDirectory.SUMMARY)));
        assertArrayEquals(events, Files.readAllBytes(run.resolve(RunDirectory.EVENTS)));
        assertTrue(Files.isDirectory(run.resolve("checkpoints/.tmp-step-000000040")), "not cleaned up either");
    }

    @Test
    void leftoverTemporaryFoldersAreRemovedOnResume() throws Exception {
        Path run = trainedRun();
        Files.createDirectories(run.resolve("checkpoints/.tmp-step-000000040"));
        Files.writeString(run.resolve("checkpoints/.latest.tmp"), "step-000000040\n");
        assertEquals("finished", GanSession.resume(run, new ResumeRequest(31, false, null)).runHere());
        try (var s = Files.list(run.resolve(RunDirectory.CHECKPOINTS))) {
            assertEquals(List.of("latest", "step-000000020", "step-000000030", "step-000000031"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(run.resolve("checkpoints/.tmp-step-000000040")));
        assertFalse(Files.exists(run.resolve("checkpoints/.latest.tmp")));
    }

    @Test
    void aChangedByteIsCaughtByTheChecksum() throws Exception {
        Path run = trainedRun();
        Path critic = run.resolve("checkpoints/step-000000030/critic.params");
        byte[] b = Files.readAllBytes(critic);
        b[b.length / 2] ^= 1;
        Files.write(critic, b);
        IOException e = assertThrows(IOException.class, () -> CheckpointIo.read(critic.getParent(),
                List.of("generator.params", "critic.params")));
        assertEquals(critic + ": checksum does not match what the checkpoint wrote (damaged)", e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsNamed() throws Exception {
        Path run = trainedRun();
        Path state = run.resolve("checkpoints/step-000000030/state.bin");
        byte[] b = Files.readAllBytes(state);
        ByteBuffer.wrap(b).putInt(4, 99);
        Files.write(state, b);
        IOException e = assertThrows(IOException.class, () -> CheckpointIo.read(state.getParent(),
                List.of("generator.params", "critic.params")));
        assertEquals(state + ": format version 99, this GAN Studio reads 1 to 2 (a newer version wrote it?)",
                e.getMessage());
    }

    @Test
    void lengthsInsideTheStateAreCheckedAgainstWhatIsLeft() throws Exception {
        for (int declared : new int[] {-5, Integer.MAX_VALUE, 9}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(declared);
            out.write(new byte[8]);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            IOException e = assertThrows(IOException.class, () -> CheckpointIo.readBlock(in));
            assertEquals("a block of " + declared + " bytes where 8 remain (damaged)", e.getMessage());
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 8, 1, 2, 3, 4, 5, 6,
            7, 8}));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, CheckpointIo.readBlock(in));
        DataInputStream counts = new DataInputStream(new ByteArrayInputStream(new byte[] {0x7f, 0, 0, 0, 1, 2}));
        IOException e = assertThrows(IOException.class, () -> CheckpointIo.readCount(counts, 4));
        assertEquals("a count of 2130706432 where 2 bytes remain (damaged)", e.getMessage());
    }
}
