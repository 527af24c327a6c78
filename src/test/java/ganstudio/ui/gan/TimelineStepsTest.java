package ganstudio.ui.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineStepsTest {

    @Test
    void framesSavedSinceOpeningJoinButTheNewestWaitsWhileTraining() {
        List<Long> shown = List.of(0L, 100L);
        assertEquals(List.of(0L, 100L, 200L), TimelineSteps.grown(shown, List.of(0L, 100L, 200L, 300L), true));
        assertNull(TimelineSteps.grown(shown, List.of(0L, 100L, 200L), true));
        // Finished: every frame on disk is complete.
        assertEquals(List.of(0L, 100L, 200L), TimelineSteps.grown(shown, List.of(0L, 100L, 200L), false));
        assertNull(TimelineSteps.grown(shown, List.of(0L, 100L), false));
        assertNull(TimelineSteps.grown(List.of(), List.of(), true));
    }

    @Test
    void theSliderFollowsOnlyFromTheNewestFrame() {
        assertTrue(TimelineSteps.atNewest(1, 2));
        assertFalse(TimelineSteps.atNewest(0, 2));
        assertTrue(TimelineSteps.atNewest(0, 0));
    }
}
