package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.train.Session;
import ganstudio.train.SessionListener;
import ganstudio.ui.session.TrainingRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Closing with runs training, without a display: every run is told at once, each is waited for on its own. */
class StudioShutdownTest {

    /**
     * A session that trains nothing and, once told to stop, ends only when the test lets it (as a checkpoint or
     * test set would); it runs through the real session template.
     */
    private static final class SlowStop extends Session<SessionListener> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch stopSeen = new CountDownLatch(1);

        SlowStop(String name) {
            super(RunConfig.defaults().withValue("name", name).withValue("device", "cpu"), runsRoot(), null, "");
        }

        private static Path runsRoot() {
            try {
                return Files.createTempDirectory("slow-stop");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected String threadName() {
            return "slow-stop";
        }

        @Override
        protected void prepare(Device device) {}

        @Override
        protected RunDirectory createNew(Device device) {
            return createRun(new JsonObject());
        }

        @Override
        protected Resumed readCheckpoint(RunDirectory opened) {
            throw new UnsupportedOperationException("never resumed");
        }

        @Override
        protected long position() {
            return 7;
        }

        @Override
        protected long length() {
            return 8;
        }

        @Override
        protected String unit() {
            return "step";
        }

        @Override
        protected void announce(RunDirectory run, Device device) {}

        @Override
        protected String applyEdit(String key, double value) {
            return key;
        }

        @Override
        protected boolean iterate(RunDirectory run, boolean single) throws InterruptedException {
            Thread.sleep(5);
            return true;
        }

        @Override
        protected void end(RunDirectory run, String st, String why) {
            stopSeen.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recordEnd(run, 7, st, why, () -> { });
        }

        @Override
        protected void writeSummary(RunDirectory run, String st, String why) {}

        @Override
        protected String memoryAdvice() {
            return "nothing";
        }

        @Override
        protected void release() {}
    }

    @Test
    void everyRunIsToldAtOnceAndEachEndIsReportedAsItComes() throws Exception {
        SlowStop a = new SlowStop("a");
        SlowStop b = new SlowStop("b");
        a.start();
        b.start();
        StudioShutdown s = new StudioShutdown(List.of(new TrainingRun("GAN \u00b7 a", a),
                new TrainingRun("Classifier \u00b7 b", b)), 60_000);
        assertEquals("2 runs are training: stop them and quit?", StudioShutdown.question(s.runs()));
        LinkedBlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        s.begin(ended::add, done::complete);

        // Both were told to stop, skipping their end-of-run evaluation, before either ended: in parallel.
        assertTrue(a.control().isStopRequested() && b.control().isStopRequested());
        assertTrue(a.control().isEvaluationSkipped() && b.control().isEvaluationSkipped());
        assertTrue(a.stopSeen.await(30, TimeUnit.SECONDS) && b.stopSeen.await(30, TimeUnit.SECONDS),
                "both sessions are stopping at the same time");
        assertEquals("Stopping 2 runs: saving checkpoints\u2026 (0 of 2 done)", s.headline());
        assertEquals(List.of("GAN \u00b7 a: stopping: finishing its step, saving a checkpoint\u2026",
                "Classifier \u00b7 b: stopping: finishing its step, saving a checkpoint\u2026"), s.lines());

        b.release.countDown(); // the second ends first: reported without waiting for the first
        assertEquals(1, ended.poll(30, TimeUnit.SECONDS));
        assertFalse(done.isDone());
        assertEquals("Stopping 2 runs: saving checkpoints\u2026 (1 of 2 done)", s.headline());
        assertEquals("Classifier \u00b7 b: stopped \u00b7 checkpoint and summary saved", s.lines().get(1));
        assertTrue(s.lines().get(0).contains("stopping"));

        a.release.countDown();
        assertEquals(0, ended.poll(30, TimeUnit.SECONDS));
        assertTrue(done.get(30, TimeUnit.SECONDS), "all ended before the limit");
        assertEquals(2, s.endedCount());
    }

    @Test
    void aRunThatDoesNotStopInTimeIsLeftWithANoteThatItsFolderStaysResumable() throws Exception {
        SlowStop stuck = new SlowStop("stuck");
        SlowStop quick = new SlowStop("quick");
        stuck.start();
        quick.start();
        quick.release.countDown();
        awaitRunning(stuck, quick); // loading the engine must not count against the 1 s limit
        StudioShutdown s = new StudioShutdown(List.of(new TrainingRun("GAN \u00b7 stuck", stuck),
                new TrainingRun("GAN \u00b7 quick", quick)), 1_000);
        assertEquals("2 runs are training: stop them and quit?", StudioShutdown.question(s.runs()));
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        s.begin(i -> { }, done::complete);
        assertFalse(done.get(30, TimeUnit.SECONDS), "the limit passed with a run still stopping");
        assertEquals("1 run did not stop within 1 s", s.headline());
        assertEquals(List.of("GAN \u00b7 stuck: still stopping; its last checkpoint stays",
                "GAN \u00b7 quick: stopped \u00b7 checkpoint and summary saved"), s.lines());
        assertEquals("The studio quits now. A run that was still stopping keeps its folder and last checkpoint; "
                + "continue it with train --resume RUN_DIR:\n  " + stuck.getRunDir(), s.resumableNote());
        stuck.release.countDown();
        assertTrue(stuck.awaitEnd(30, TimeUnit.SECONDS));
    }

    @Test
    void oneRunIsAskedAboutInTheSingular() {
        assertEquals("1 run is training: stop it and quit?",
                StudioShutdown.question(List.of(new TrainingRun("x", new SlowStop("x")))));
    }

    private static void awaitRunning(Session<?>... sessions) throws InterruptedException {
        for (Session<?> s : sessions) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!"running".equals(s.getStatus()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals("running", s.getStatus());
        }
    }
}
