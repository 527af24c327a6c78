package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FramePacingTest {

    private static List<Long> due(FramePacing p, long from, long to) {
        List<Long> steps = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            if (p.isDue(s)) {
                steps.add(s);
            }
        }
        return steps;
    }

    @Test
    void sqrtPacingIsDenseEarly() {
        // round(2·√s) for s = 0..20: 0 2 3 3 4 4 5 5 6 6 6 7 7 7 7 8 8 8 8 9 9
        assertEquals(List.of(0L, 1L, 2L, 4L, 6L, 8L, 11L, 15L, 19L), due(FramePacing.sqrt(), 0, 20));
        assertEquals(List.of(1L, 2L, 4L, 6L, 8L, 11L, 15L, 19L), due(FramePacing.sqrt(), 1, 20));
        // 2·√10000 = 200: buckets 0, 2, 3, …, 200 (1 is skipped: round(2·√1) = 2).
        assertEquals(200, due(FramePacing.sqrt(), 0, 10_000).size());
    }

    @Test
    void everyNSteps() {
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L), due(FramePacing.every(5), 0, 20));
        assertEquals(21, due(FramePacing.every(1), 0, 20).size());
        assertEquals(List.of(0L, 5L, 10L), due(FramePacing.parse("5"), 0, 12));
    }

    @Test
    void selectThinsSavedFrames() {
        List<Long> saved = LongStream.rangeClosed(0, 10).map(i -> i * 100).boxed().toList();
        assertEquals(List.of(0L, 300L, 600L, 900L), FramePacing.every(300).select(saved));
        assertEquals(saved, FramePacing.every(1).select(saved));
        assertEquals(List.of(0L, 1L, 2L, 4L, 6L, 8L), FramePacing.sqrt().select(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)));
    }

    @Test
    void badPacingIsTheUsersToFix() {
        assertEquals("--video-every often: expected a positive number of steps or sqrt",
                assertThrows(UserError.class, () -> FramePacing.parse("often")).getMessage());
        assertThrows(UserError.class, () -> FramePacing.parse("0"));
    }
}
