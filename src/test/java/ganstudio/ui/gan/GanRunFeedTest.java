package ganstudio.ui.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.MetricsStoreTest;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GanRunFeedTest {

    @Test
    void metricsFromAnotherThreadAreDrainedInOrder() throws Exception {
        GanRunFeed feed = new GanRunFeed();
        int n = 20_000;
        Thread training = new Thread(() -> {
            feed.onStarted(Paths.get("runs/x"), "cpu", "ring8", 0, n);
            for (int i = 1; i <= n; i++) {
                feed.onMetrics(MetricsStoreTest.row(i, i, Double.NaN));
            }
            feed.onFinished("finished", "");
        });
        List<StepMetrics> got = new ArrayList<>();
        training.start();
        // Drain concurrently, as the UI timer does, while rows still arrive.
        while (training.isAlive() || got.size() < n) {
            got.addAll(feed.drainMetrics());
        }
        training.join();
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, got.get(i).step());
        }
        assertTrue(feed.drainMetrics().isEmpty());
        assertTrue(feed.isStarted());
        assertEquals("cpu", feed.getDevice());
        assertEquals(n, feed.getTotalSteps());
        assertEquals(n, feed.getLastMetrics().step());
        assertTrue(feed.isFinished());
        assertEquals("finished", feed.getFinishedStatus());
        assertTrue(feed.awaitFinished(1, TimeUnit.SECONDS));
    }

    @Test
    void theLatestFrameWinsAndIsTakenOnce() throws Exception {
        GanRunFeed feed = new GanRunFeed();
        Frame last = Frame.image(300, 1, 1, new int[] {0xFF00FF00});
        Thread training = new Thread(() -> {
            feed.onFrame(Frame.image(100, 1, 1, new int[] {0xFFFF0000}));
            feed.onFrame(Frame.image(200, 1, 1, new int[] {0xFF0000FF}));
            feed.onFrame(last);
        });
        training.start();
        training.join();
        assertSame(last, feed.takeFrame());
        assertNull(feed.takeFrame());
    }

    @Test
    void eventsAndFailureReasonArrive() {
        GanRunFeed feed = new GanRunFeed();
        feed.onEvent(10, "optD.lr = 1e-4");
        feed.onEvent(20, "checkpoint at step 20");
        List<RunDirectory.Event> events = feed.drainEvents();
        assertEquals(List.of(new RunDirectory.Event(10, "optD.lr = 1e-4"), new RunDirectory.Event(20,
                "checkpoint at step 20")), events);
        assertFalse(feed.isFinished());
        feed.onFinished("failed", "the critic loss became NaN; lower the learning rates");
        assertEquals("failed", feed.getFinishedStatus());
        assertEquals("the critic loss became NaN; lower the learning rates", feed.getFinishedReason());
    }
}
