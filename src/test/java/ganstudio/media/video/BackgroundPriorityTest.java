package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void putsOnlyTheCallingThreadOnTheIdlePolicy() throws Exception {
        assumeTrue(BackgroundPriority.currentThreadId() > 0, "needs Linux /proc/thread-self: skipped here");
        int before = BackgroundPriority.currentPolicy();
        assumeTrue(before >= 0 && before != BackgroundPriority.SCHED_IDLE, "the tests already run at the idle policy");
        AtomicInteger inside = new AtomicInteger(-2);
        AtomicLong tid = new AtomicLong();
        Thread t = new Thread(() -> {
            tid.set(BackgroundPriority.currentThreadId());
            if (BackgroundPriority.lowerCurrentThread()) {
                inside.set(BackgroundPriority.currentPolicy());
            }
        });
        t.start();
        t.join();
        assertEquals(BackgroundPriority.SCHED_IDLE, inside.get(), "/proc reports SCHED_IDLE for the lowered thread");
        assertEquals(before, BackgroundPriority.currentPolicy(), "the caller's own policy is untouched");
        assertTrue(tid.get() != BackgroundPriority.currentThreadId(), "thread ids are per thread, not per process");
    }
}
