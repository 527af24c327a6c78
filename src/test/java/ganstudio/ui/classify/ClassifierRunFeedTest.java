package ganstudio.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ClassifierRunFeedTest {

    @Test
    void rowsFromTheTrainingThreadAreDrainedInOrder() throws Exception {
        ClassifierRunFeed feed = new ClassifierRunFeed();
        int n = 10_000;
        Thread training = new Thread(() -> {
            feed.onStarted(Paths.get("runs/c"), "cpu", "fashion-mnist", "mixup", 1234, 10, 1000);
            for (int i = 1; i <= n; i++) {
                feed.onMetrics(ClassifierSeriesTest.running(i / 1000.0, i, 1, 0.5, 1e-3));
            }
            feed.onFinished("finished", null);
        });
        List<ClassifierMetrics> got = new ArrayList<>();
        training.start();
        while (training.isAlive() || got.size() < n) {
            got.addAll(feed.drainMetrics());
        }
        training.join();
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, got.get(i).step());
        }
        assertTrue(feed.awaitFinished(1, TimeUnit.SECONDS));
        assertEquals("finished", feed.getFinishedStatus());
        assertEquals("", feed.getFinishedReason());
        assertEquals(new ClassifierRunFeed.Start(Paths.get("runs/c"), "cpu", "fashion-mnist", "mixup", 1234, 10, 1000),
                feed.getStart());
        assertEquals(n, feed.getLastMetrics().step());
    }

    @Test
    void theHeatmapGetsTheNewestReportAndTheTestReportIsKept() {
        ClassifierRunFeed feed = new ClassifierRunFeed();
        assertFalse(feed.isStarted());
        assertNull(feed.takeReport());
        ClassificationReport v1 = ConfusionMatrixModelTest.report("validation");
        ClassificationReport v2 = ConfusionMatrixModelTest.report("validation");
        feed.onReport(v1);
        feed.onReport(v2);
        assertSame(v2, feed.takeReport()); // an older matrix not yet drawn is dropped
        assertNull(feed.takeReport());
        assertNull(feed.getTestReport());
        ClassificationReport test = ConfusionMatrixModelTest.report("test");
        feed.onReport(test);
        assertSame(test, feed.getTestReport());
        assertSame(test, feed.takeReport());
        feed.onEvent(7, "opt.lr = 1.0E-4");
        assertEquals(List.of(new ganstudio.runs.RunDirectory.Event(7, "opt.lr = 1.0E-4")), feed.drainEvents());
        assertFalse(feed.isFinished());
        feed.onFinished("failed", "data missing");
        assertEquals("data missing", feed.getFinishedReason());
    }
}
