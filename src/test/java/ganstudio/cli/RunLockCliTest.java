package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.LockHolder;
import ganstudio.runs.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a run another process is training: resume refused, eval printed but not stored. */
class RunLockCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunAnotherProcessTrainsIsReadNotWritten(@TempDir Path root) throws Exception {
        assertEquals(0, run("train", "--preset", "ring8-wgan-gp", "--steps", "10", "--out", root.toString(), "--set",
                "model.gWidth=16", "--set", "model.dWidth=16", "--set", "log.every=5"), stderr());
        Path dir = RunDirectory.list(root).get(0);
        byte[] summary = Files.readAllBytes(dir.resolve(RunDirectory.SUMMARY));
        String n = System.lineSeparator();

        Process trainer = LockHolder.start(dir);
        try {
            String who = RunDirectory.writer(dir).orElseThrow();
            assertTrue(who.startsWith("being trained by pid " + trainer.pid() + " on host "), who);

            assertEquals(Cli.BAD_INPUT, run("train", "--resume", dir.toString(), "--steps", "20"));
            assertEquals("error: " + dir + ": is " + who + "; stop it first, or open it read-only in the studio" + n,
                    stderr());
            assertEquals("", stdout());

            // eval of its checkpoint is a reader: it prints the result and leaves summary.json to the trainer
            assertEquals(Cli.OK, run("eval", dir.toString(), "--samples", "200"));
            assertTrue(stdout().contains("\"samples\": 200"), stdout());
            assertEquals("not stored in summary.json: " + dir + " is " + who + "; run eval again once it has stopped"
                    + " to store the result" + n, stderr());
            assertArrayEquals(summary, Files.readAllBytes(dir.resolve(RunDirectory.SUMMARY)));

            // video reads only too (its file is its own)
            assertEquals(Cli.OK, run("video", dir.toString(), "--out", root.resolve("v.gif").toString()),
                    stderr());
        } finally {
            trainer.getOutputStream().close();
            assertTrue(trainer.waitFor(30, TimeUnit.SECONDS));
        }

        assertEquals(Cli.OK, run("eval", dir.toString(), "--samples", "200"), stderr());
        assertEquals("", stderr());
        assertTrue(Files.readString(dir.resolve(RunDirectory.SUMMARY)).contains("\"samples\": 200"));
        assertEquals(Cli.OK, run("train", "--resume", dir.toString(), "--steps", "15"), stderr());
        assertEquals(15, RunDirectory.open(dir).readSummary().get("steps").getAsInt());
    }
}
