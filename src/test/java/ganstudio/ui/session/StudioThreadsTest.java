package ganstudio.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ganstudio.config.RunConfig;

import org.junit.jupiter.api.Test;

class StudioThreadsTest {

    @Test
    void allCoresMeansOneFewerSharedBetweenRunsAndAtLeastOne() {
        assertEquals(1, StudioThreads.threadsFor(0, 2, 1));
        assertEquals(7, StudioThreads.threadsFor(0, 8, 1));
        assertEquals(3, StudioThreads.threadsFor(0, 8, 2));
        assertEquals(1, StudioThreads.threadsFor(0, 2, 2));
        assertEquals(1, StudioThreads.threadsFor(0, 1, 1));
    }

    @Test
    void anExplicitCountIsKept() {
        assertEquals(2, StudioThreads.threadsFor(2, 2, 1));
        assertEquals(5, StudioThreads.threadsFor(5, 2, 2));
        assertEquals(3, StudioThreads.resolve(RunConfig.defaults().withValue("threads", 3), 1).getInt("threads"));
    }

    @Test
    void theResolvedCountIsWrittenIntoTheConfigTheRunRecords() {
        int cores = Runtime.getRuntime().availableProcessors();
        RunConfig c = StudioThreads.resolve(RunConfig.defaults(), 1);
        assertEquals(Math.max(1, cores - 1), c.getInt("threads"));
    }
}
