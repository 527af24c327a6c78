package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZoomStepsTest {

    @Test
    void zoomsInThroughTheLevelsAndOutBackToFit() {
        assertEquals(2.0, ZoomSteps.in(1.9)); // from a fitted 190%
        assertEquals(3.0, ZoomSteps.in(2.0));
        assertEquals(32.0, ZoomSteps.in(32.0));
        assertEquals(2.0, ZoomSteps.out(3.0, 1.9));
        assertEquals(ZoomSteps.FIT, ZoomSteps.out(2.0, 1.9)); // 150% would be smaller than the fit
        assertEquals(ZoomSteps.FIT, ZoomSteps.out(2.0, 1.5));
        assertEquals(0.5, ZoomSteps.out(0.75, 0.3)); // a large picture fitted at 30% zooms out to 50% first
        assertEquals("Fit (190%)", ZoomSteps.label(ZoomSteps.FIT, 1.9));
        assertEquals("400%", ZoomSteps.label(4, 4));
    }
}
