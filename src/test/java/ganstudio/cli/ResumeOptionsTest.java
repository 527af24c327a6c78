package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `train --resume` takes what may change about a run (length, schedule span, device) and refuses the rest. */
class ResumeOptionsTest {

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.code();
    }

    private String stderr() {
        return last.err();
    }

    @Test
    void settingsSeedAndFolderAreRefusedTheDeviceIsTaken(@TempDir Path root) throws Exception {
        assertEquals(0, run("train", "--preset", "ring8-gan", "--steps", "4", "--out", root.toString(), "--set",
                "model.gWidth=16", "--set", "model.dWidth=16", "--set", "log.every=2"), stderr());
        Path dir = RunDirectory.list(root).get(0);
        byte[] config = Files.readAllBytes(dir.resolve(RunDirectory.CONFIG));
        for (String[] flag : new String[][] {{"--seed", "3"}, {"--set", "batchSize=8"}, {"--out", "elsewhere"},
            {"--preset", "ring8-wgan"}}) {
            assertEquals(Cli.BAD_INPUT, run("train", "--resume", dir.toString(), flag[0], flag[1]), flag[0]);
            assertEquals("error: " + flag[0] + " cannot be combined with --resume: a resumed run keeps its own "
                    + "settings, seed and folder (it continues the same numbers); resume takes --steps/--epochs, "
                    + "--reschedule and --device, or start a new run with --preset\n", stderr());
        }
        assertEquals(Cli.BAD_INPUT, run("train", "--resume", dir.toString(), "--epochs", "3"));
        assertEquals("error: --epochs does not apply to this GAN run; give --steps N\n", stderr());
        assertTrue(java.util.Arrays.equals(config, Files.readAllBytes(dir.resolve(RunDirectory.CONFIG))),
                "nothing changed by the refused commands");

        assertEquals(0, run("train", "--resume", dir.toString(), "--steps", "6", "--device", "cpu"), stderr());
        RunDirectory r = RunDirectory.open(dir);
        assertEquals("cpu", r.readConfig().getString("device"));
        assertEquals(6, r.readConfig().getInt("steps"));
        assertEquals(4, r.readConfig().getInt("scheduleSteps"));
        assertTrue(r.readEvents().contains(new RunDirectory.Event(4,
                "resumed from step 4 (steps 4 -> 6; scheduleSteps 0 -> 4; device auto -> cpu)")), r.readEvents()
                .toString());
        assertEquals(6, r.readSummary().get("steps").getAsInt());
    }
}
