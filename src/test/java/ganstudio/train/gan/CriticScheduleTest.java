package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CriticScheduleTest {

    @Test
    void plainScheduleIsNCritic() {
        CriticSchedule s = new CriticSchedule(5, false, 100, 25, 500);
        assertEquals(5, s.criticIterations(0));
        assertEquals(5, s.criticIterations(500));
    }

    @Test
    void burstFollowsTheReferenceImplementation() {
        CriticSchedule s = new CriticSchedule(5, true, 100, 25, 500);
        assertEquals(100, s.criticIterations(0));
        assertEquals(100, s.criticIterations(24));
        assertEquals(5, s.criticIterations(25));
        assertEquals(5, s.criticIterations(499));
        assertEquals(100, s.criticIterations(500));
        assertEquals(5, s.criticIterations(501));
        assertEquals(100, s.criticIterations(1000));
        long total = 0;
        for (int g = 0; g < 1000; g++) {
            total += s.criticIterations(g);
        }
        // 25 bursts at the start, one at 500: 26·100 + 974·5.
        assertEquals(26 * 100 + 974 * 5, total);
    }
}
