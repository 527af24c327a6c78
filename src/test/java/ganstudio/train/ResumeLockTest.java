package ganstudio.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.TinyIdx;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.gan.GanSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume is a second writer while anyone else writes the run: refused before it loads anything, and refused
 * again by the session itself if the run was taken in between; it writes nothing then. Once free, it resumes.
 */
class ResumeLockTest {

    @Test
    void aGanRunBeingWrittenIsNotResumed(@TempDir Path root) throws Exception {
        RunConfig c = Presets.locate().load("ring8-gan").withValue("steps", 4).withValue("model.gWidth", 16)
                .withValue("model.dWidth", 16).withValue("log.every", 2);
        GanSession first = GanSession.create(c, root, "ring8-gan");
        assertEquals("finished", first.runHere(), first.getReason());
        Path dir = first.getRunDir();
        assertEquals(Optional.empty(), RunDirectory.writer(dir), "released at the end");
        check(dir, () -> GanSession.resume(dir, new ResumeRequest(8, false, null)));
        GanSession resumed = GanSession.resume(dir, new ResumeRequest(8, false, null));
        assertEquals("finished", resumed.runHere(), resumed.getReason());
        assertEquals(8, RunDirectory.open(dir).readSummary().get("steps").getAsInt());
        assertEquals(Optional.empty(), RunDirectory.writer(dir));
    }

    @Test
    void aClassifierRunBeingWrittenIsNotResumed(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        TinyIdx.write(data, "train", 252, 4, 1);
        TinyIdx.write(data, "t10k", 80, 4, 2);
        RunConfig c = RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "mnist")
                .withValue("data.path", data.toString()).withValue("batchSize", 32).withValue("cls.epochs", 1)
                .withValue("cls.validation", 60).withValue("cls.width", 8).withValue("log.every", 2)
                .withValue("threads", 1).withValue("name", "tiny");
        ClassifierSession first = ClassifierSession.create(c, root.resolve("runs"), "test");
        assertEquals("finished", first.runHere(), first.getReason());
        Path dir = first.getRunDir();
        check(dir, () -> ClassifierSession.resume(dir, new ResumeRequest(2, false, null)));
        ClassifierSession resumed = ClassifierSession.resume(dir, new ResumeRequest(2, false, null));
        assertEquals("finished", resumed.runHere(), resumed.getReason());
        assertEquals(Optional.empty(), RunDirectory.writer(dir));
    }

    /** Held by another writer: the resume is refused early, or fails at its start writing nothing. */
    private static void check(Path dir, Supplier<Session<?>> resume) throws Exception {
        byte[] summary = Files.readAllBytes(dir.resolve(RunDirectory.SUMMARY));
        byte[] metrics = Files.readAllBytes(dir.resolve(RunDirectory.METRICS));
        byte[] events = Files.readAllBytes(dir.resolve(RunDirectory.EVENTS));
        String message;
        try (RunDirectory other = RunDirectory.openForWriting(dir)) {
            message = assertThrows(RunDirectory.BeingWritten.class, resume::get).getMessage();
            assertTrue(message.startsWith(dir + ": is being trained by pid " + ProcessHandle.current().pid()),
                    message);
        }
        Session<?> session = resume.get(); // free now; taken before it starts
        try (RunDirectory other = RunDirectory.openForWriting(dir)) {
            assertEquals("failed", session.runHere());
            assertEquals(message.substring(0, message.indexOf(" (since ")),
                    session.getReason().substring(0, session.getReason().indexOf(" (since ")));
            assertTrue(session.getReason().endsWith("; stop it first, or open it read-only in the studio"));
            assertEquals(null, session.getRunDir(), "it never started writing");
        }
        assertArrayEquals(summary, Files.readAllBytes(dir.resolve(RunDirectory.SUMMARY)));
        assertArrayEquals(metrics, Files.readAllBytes(dir.resolve(RunDirectory.METRICS)));
        assertArrayEquals(events, Files.readAllBytes(dir.resolve(RunDirectory.EVENTS)));
    }
}
